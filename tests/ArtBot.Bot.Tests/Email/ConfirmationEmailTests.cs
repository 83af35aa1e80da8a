using ArtBot.Bot.Email;
using ArtBot.Bot.Outbox;
using ArtBot.Bot.Tests.Hosting;
using ArtBot.Bot.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Email;

/// <summary>A patient who books with an email address gets a copy of the request, through a real SMTP server.</summary>
public sealed class ConfirmationEmailTests : IAsyncLifetime
{
    private const string PatientEmail = "priya.raman@example.org";

    private static readonly string[] Booking =
        ["Book a free consult", "Answer a few questions", "Priya Raman", PatientEmail, "Online (video)", "Evening", "Left knee swells after running", "Yes, I agree", "Confirm"];

    private readonly TestSmtpServer _smtp = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task The_patient_gets_a_copy_with_the_reference_what_was_sent_and_how_to_cancel_and_the_clinic_gets_the_request()
    {
        await using var app = App(new()
        {
            ["Staff:Email"] = "front-desk@clinic.example",
            ["Clinic:OpeningHours:Monday"] = "08:00-19:00",
            ["Clinic:ReplyWithinBusinessHours"] = "4",
        });

        var replies = await BookAsync(app, "emailed");

        var booked = (string)replies.Last()["text"]!;
        Assert.Contains("A copy of your request is on its way to your inbox", booked);
        var reference = (string)replies.Last()["channelData"]!["artbot"]!["reference"]!;
        var received = await _smtp.WaitForAsync(2);
        var copy = Assert.Single(received, message => message.To.ToString() == PatientEmail);
        Assert.Equal("\"Integra Health Centre\" <bookings@clinic.example>", copy.From.ToString());
        Assert.Equal("front-desk@clinic.example", copy.ReplyTo.ToString());
        Assert.Equal($"Your free consult request {reference}: Integra Health Centre", copy.Subject);
        Assert.Equal($"{reference}.confirmationemail@clinic.example", copy.MessageId);
        var text = copy.TextBody;
        Assert.Contains("Hello Priya Raman", text);
        Assert.Contains($"Your reference is {reference}.", text);
        Assert.Contains("Contact: email priya.raman@example.org", text);
        Assert.Contains("Consult: online (video), in the evening", text);
        Assert.Contains("What hurts: Left knee swells after running", text);
        Assert.Matches(@"the clinic will email you by Monday \d+ \w+ at \d+:\d\d to arrange your free consult", text);
        Assert.Contains("To cancel, reply to this email, call the clinic at +1 416-555-0100 or type \"forget me\"", text);
        var forStaff = Assert.Single(received, message => message.To.ToString() == "front-desk@clinic.example");
        Assert.Equal($"New free consult request {reference}", forStaff.Subject);
        Assert.Contains("Name: Priya Raman", forStaff.TextBody);
        Assert.Contains("claim the request in the staff channel in Teams", forStaff.TextBody);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_neither_holds_up_the_booking_nor_loses_the_email_and_it_arrives_once()
    {
        _smtp.Refuse();
        await using var app = App();

        var replies = await BookAsync(app, "server-down");

        Assert.Equal("booked", BotConversationClient.Step(replies.Last()));
        Assert.Contains("on its way to your inbox", (string)replies.Last()["text"]!);
        await WaitUntilAsync(() => _smtp.Refused >= 2);
        _smtp.Accept();
        await _smtp.WaitForAsync(1);
        await DrainAsync(app);
        Assert.Single(_smtp.Received);
    }

    [Fact]
    public async Task Forget_me_before_the_email_went_out_means_it_never_does()
    {
        _smtp.Refuse();
        await using var app = App();
        var patient = new BotConversationClient(app.CreateClient(), "forgotten", channelId: "webchat");
        foreach (var text in Booking)
        {
            await patient.SayAsync(text);
        }
        await WaitUntilAsync(() => _smtp.Refused >= 1);

        await patient.SayAsync("forget me");
        await patient.SayAsync("Yes, delete my data");

        Assert.Equal(0, await app.Services.GetRequiredService<IOutbox>().CountUnsentAsync(OutboxDestination.Email, CancellationToken.None));
        _smtp.Accept();
        await DrainAsync(app);
        Assert.Empty(_smtp.Received);
    }

    [Fact]
    public async Task An_email_queued_before_the_mail_server_was_taken_out_of_the_settings_is_dropped_not_tried_for_ever()
    {
        _smtp.Refuse();
        var folder = Directory.CreateTempSubdirectory("artbot-email-").FullName;
        try
        {
            await using (var before = App(folder: folder))
            {
                await BookAsync(before, "settings-changed");
                await WaitUntilAsync(() => _smtp.Refused >= 1);
            }

            await using var after = new ArtBotApplication(StaffSetUp.Settings(), folder: folder);
            await DrainAsync(after);

            Assert.Empty(_smtp.Received);
            Assert.DoesNotContain(after.Logs.Entries, entry => entry.Contains("Could not send", StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_mail_server_nothing_is_queued_and_the_reply_says_no_email_is_sent()
    {
        await using var app = new ArtBotApplication(StaffSetUp.Settings());

        var replies = await BookAsync(app, "no-server");

        Assert.Contains("This chat doesn't send emails, so please note your reference.", (string)replies.Last()["text"]!);
        Assert.Equal(0, await app.Services.GetRequiredService<IOutbox>().CountUnsentAsync(OutboxDestination.Email, CancellationToken.None));
    }

    private ArtBotApplication App(Dictionary<string, string?>? more = null, string? folder = null)
    {
        var settings = _smtp.Settings();
        settings["Staff:MaxRetryDelay"] = "00:00:00.200";
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }
        return new ArtBotApplication(StaffSetUp.Settings(settings), folder: folder);
    }

    private static async Task<JArray> BookAsync(ArtBotApplication app, string conversation)
    {
        var patient = new BotConversationClient(app.CreateClient(), conversation, channelId: "webchat");
        JArray replies = [];
        foreach (var text in Booking)
        {
            replies = await patient.SayAsync(text);
        }
        return replies;
    }

    /// <summary>Sends the email outbox as the sender does until nothing in it is unsent, then once more, so a duplicate it held would show.</summary>
    private static async Task DrainAsync(ArtBotApplication app)
    {
        var outbox = app.Services.GetRequiredService<IOutbox>();
        var sender = app.Services.GetRequiredService<EmailOutboxSender>();
        await WaitUntilAsync(async () =>
        {
            await sender.SendDueAsync(CancellationToken.None);
            return await outbox.CountUnsentAsync(OutboxDestination.Email, CancellationToken.None) == 0;
        });
        await sender.SendDueAsync(CancellationToken.None);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Waited 30 s in vain.");
            await Task.Delay(20);
        }
    }
}
