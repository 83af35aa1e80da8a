using ArtBot.TestSupport;
using ArtBot.Bot.Staff;
using ArtBot.Bot.Tests.Hosting;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>With a staff team set, a personal chat in the staff tenant is staff only if Teams says its person is in that team.</summary>
public sealed class StaffIdentityTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("artbot-staff-id-").FullName;
    private readonly FakeTeamsConnector _teams = new("29:sam");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_member_of_the_staff_team_may_use_staff_commands_in_a_personal_chat_and_someone_else_in_the_tenant_may_not()
    {
        using var app = new ArtBotApplication(StaffSetUp.Settings(new() { ["Staff:TeamId"] = "staff-team" }), folder: _folder);

        await new TeamsClient(app.CreateClient(), _teams, "clinic-tenant", team: null, user: "sam", userName: "Sam Lee").SayAsync("consults");
        await new TeamsClient(app.CreateClient(), _teams, "clinic-tenant", team: null, user: "pat", userName: "Pat (reception temp)").SayAsync("consults");
        await _teams.WaitUntilAsync(teams => teams.Sent.Count() >= 2);

        var replies = _teams.Sent.ToDictionary(sent => (string)sent.Body["recipient"]!["id"]!, sent => (string?)sent.Body["text"]);
        Assert.Equal("No open consult requests.", replies["29:sam"]);
        Assert.Equal(StaffCommands.Refusal, replies["29:pat"]);
    }
}
