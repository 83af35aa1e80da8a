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

    [Fact]
    public async Task The_teams_group_id_from_a_team_link_is_enough_to_know_its_channels_and_then_its_members()
    {
        const string GroupId = "5b3f8f4e-6d1a-4c47-9b0e-2f6e8a1c9d20";
        using var app = new ArtBotApplication(StaffSetUp.Settings(new() { ["Staff:TeamId"] = GroupId }), folder: _folder);

        await new TeamsClient(app.CreateClient(), _teams, "clinic-tenant", team: "another-team", user: "sam", teamGroupId: Guid.NewGuid().ToString()).SayAsync("consults");
        await _teams.WaitUntilAsync(teams => teams.Sent.Count() >= 1);
        await new TeamsClient(app.CreateClient(), _teams, "clinic-tenant", team: "staff-team", user: "sam", teamGroupId: GroupId.ToUpperInvariant()).SayAsync("consults");
        await _teams.WaitUntilAsync(teams => teams.Sent.Count() >= 2);
        await new TeamsClient(app.CreateClient(), _teams, "clinic-tenant", team: null, user: "sam").SayAsync("consults");
        await _teams.WaitUntilAsync(teams => teams.Sent.Count() >= 3);

        var replies = _teams.Sent.Select(sent => (string?)sent.Body["text"]).ToList();
        Assert.Equal(StaffCommands.Refusal, replies[0]);
        Assert.Equal("No open consult requests.", replies[1]);
        Assert.Equal("No open consult requests.", replies[2]);
    }

    [Theory]
    [InlineData("19:abc123@thread.tacv2", "19:abc123@thread.tacv2", null)]
    [InlineData("5B3F8F4E-6D1A-4C47-9B0E-2F6E8A1C9D20", null, "5b3f8f4e-6d1a-4c47-9b0e-2f6e8a1c9d20")]
    [InlineData("https://teams.microsoft.com/l/team/19%3aabc123%40thread.tacv2/conversations?groupId=5b3f8f4e-6d1a-4c47-9b0e-2f6e8a1c9d20&tenantId=0f0e0d0c-0b0a-0908-0706-050403020100",
        "19:abc123@thread.tacv2", "5b3f8f4e-6d1a-4c47-9b0e-2f6e8a1c9d20")]
    [InlineData("19%3aabc123%40thread.tacv2", "19:abc123@thread.tacv2", null)]
    public void Reads_the_staff_team_as_an_admin_pastes_it(string configured, string? threadId, string? groupId)
    {
        Assert.Equal(new StaffTeamId(threadId, groupId), StaffTeamId.Parse(configured));
    }
}
