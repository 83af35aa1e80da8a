using ArtBot.Bot.Unanswered;

namespace ArtBot.Bot.Tests.Unanswered;

public sealed class PersonalDataScrubberTests
{
    [Theory]
    [InlineData("email me at jo.lee+art@mail.example.ca please", "email me at [email] please")]
    [InlineData("call 416-555-0199", "call [phone]")]
    [InlineData("my cell is (647) 555 0123.", "my cell is [phone].")]
    [InlineData("reach me on +1 905.555.7777 tonight", "reach me on [phone] tonight")]
    [InlineData("My name is Priya Patel and my knee hurts", "My name is [name] and my knee hurts")]
    [InlineData("hi i'm Marc, how much is it", "hi i'm [name], how much is it")]
    [InlineData("my name is dana smith and my back hurts", "my name is [name] and my back hurts")]
    [InlineData("call me at 416/555/0199 tonight", "call me at [phone] tonight")]
    [InlineData("i live at 123 Queen Street West apt 4, near you?", "i live at [address], near you?")]
    [InlineData("my postal code is M5V 2T6", "my postal code is [postal code]")]
    [InlineData("mail dana . smith @ example . com", "mail [email]")]
    public void Removes_contact_details_and_names(string question, string scrubbed)
    {
        Assert.Equal(scrubbed, PersonalDataScrubber.Scrub(question));
    }

    [Theory]
    [InlineData("i'm worried it will hurt")]
    [InlineData("does ART help after 2 surgeries in 2019")]
    [InlineData("how much is a 30 minute session")]
    public void Leaves_ordinary_questions_alone(string question)
    {
        Assert.Equal(question, PersonalDataScrubber.Scrub(question));
    }
}
