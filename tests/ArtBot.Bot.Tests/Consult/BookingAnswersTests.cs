using ArtBot.Bot.Consult;

namespace ArtBot.Bot.Tests.Consult;

public sealed class BookingAnswersTests
{
    [Theory]
    [InlineData("416 555 0199", "+14165550199")]
    [InlineData("(647) 555-0123", "+16475550123")]
    [InlineData("1-905-555-7777", "+19055557777")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void Normalizes_phone_numbers_to_international_form(string input, string e164)
    {
        Assert.True(BookingAnswers.TryReadContact(input, "CA", out var contact, out _));
        Assert.Equal(e164, contact.Phone);
    }

    [Theory]
    [InlineData("dana@example.com")]
    [InlineData("jo.lee+art@mail.example.ca")]
    public void Accepts_email_addresses(string input)
    {
        Assert.True(BookingAnswers.TryReadContact(input, "CA", out var contact, out _));
        Assert.Equal(input, contact.Email);
    }

    [Theory]
    [InlineData("dana@example", "complete domain")]
    [InlineData("@example.com", "before the @ is missing")]
    [InlineData("dana@", "after the @ is missing")]
    [InlineData("dana smith@example.com", "no spaces")]
    [InlineData("dana@example..com", "complete domain")]
    [InlineData("dana@example.c", "valid email")]
    [InlineData("416 555", "incomplete")]
    [InlineData("416 555 01999999", "incomplete")]
    [InlineData("email me", "phone number (with the area code) or an email address")]
    public void Rejects_obviously_wrong_contact_details_with_a_reason(string input, string reason)
    {
        Assert.False(BookingAnswers.TryReadContact(input, "CA", out _, out var problem));
        Assert.Contains(reason, problem);
    }

    [Theory]
    [InlineData("Dana", true)]
    [InlineData("  Jean-Luc   O'Brien ", true)]
    [InlineData("José Álvarez", true)]
    [InlineData("", false)]
    [InlineData("dana@example.com", false)]
    [InlineData("4165550199", false)]
    [InlineData("<script>alert(1)</script>", false)]
    [InlineData("\u3164\u3164\u3164", false)]
    [InlineData("\u200B\u2800 \u00AD", false)]
    [InlineData("Da\u200Bna", true)]
    public void Reads_names(string input, bool valid)
    {
        Assert.Equal(valid, BookingAnswers.TryReadName(input, out _, out _));
    }

    [Theory]
    [InlineData("Phone call", ConsultMode.PhoneCall)]
    [InlineData("call me", ConsultMode.PhoneCall)]
    [InlineData("Online (video)", ConsultMode.Online)]
    [InlineData("zoom is fine", ConsultMode.Online)]
    public void Reads_the_consult_mode(string input, ConsultMode expected)
    {
        Assert.True(BookingAnswers.TryReadMode(input, out var mode, out _));
        Assert.Equal(expected, mode);
    }

    [Theory]
    [InlineData("Morning", PreferredTime.Morning)]
    [InlineData("afternoons work", PreferredTime.Afternoon)]
    [InlineData("evening please", PreferredTime.Evening)]
    [InlineData("Any time", PreferredTime.Any)]
    [InlineData("no preference", PreferredTime.Any)]
    public void Reads_the_time_of_day(string input, PreferredTime expected)
    {
        Assert.True(BookingAnswers.TryReadTime(input, out var time, out _));
        Assert.Equal(expected, time);
    }
}
