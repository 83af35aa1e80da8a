using ArtBot.Bot.Tests.Hosting;
using ArtBot.TestSupport;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>The booking form in a Teams chat is sent once: Teams' card is then replaced by what the clinic received.</summary>
public sealed class TeamsBookingFormTests
{
    [Fact]
    public async Task A_sent_form_in_Teams_is_replaced_by_what_was_sent()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());
        var person = new TeamsClient(app.CreateClient(), teams, StaffSetUp.Tenant, team: null);

        await person.SayAsync("Book a free consult");
        await person.SayAsync("Fill in a short form");
        await teams.WaitUntilAsync(connector => connector.Sent.Any(sent => sent.Body["attachments"]?.Any(card => (string?)card["content"]?["body"]?[0]?["text"] == "Book your free consult") == true));
        var form = teams.Sent.Select(sent => sent.Body).Single(body => body["attachments"]?.Any(card => (string?)card["content"]?["body"]?[0]?["text"] == "Book your free consult") == true);
        var data = (JObject)form["attachments"]![0]!["content"]!["actions"]![0]!["data"]!.DeepClone();
        data["name"] = "Dana Smith";
        data["contact"] = "dana.smith@example.com";
        data["mode"] = "online";
        data["time"] = "morning";
        data["consent"] = "true";

        await person.SubmitAsync(teams.IdOf(form), data);

        await teams.WaitUntilAsync(connector => connector.Updated.Any());
        var (path, replacement) = Assert.Single(teams.Updated);
        Assert.EndsWith($"/activities/{teams.IdOf(form)}", path);
        var sentCard = replacement["attachments"]![0]!["content"]!;
        Assert.Equal("Request sent to the clinic", (string?)sentCard["body"]![0]!["text"]);
        Assert.Null(sentCard["actions"]);
        Assert.Contains(teams.Sent, sent => ((string?)sent.Body["text"])?.Contains("Your request is with the clinic") == true);
    }
}
