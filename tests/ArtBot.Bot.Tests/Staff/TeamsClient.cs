using ArtBot.TestSupport;
using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>
/// Teams-shaped activities posted to the app's <c>/api/messages</c> as Teams sends them: a tenant, a team and a channel
/// (or a personal chat), an @mention of the bot, the connector's serviceUrl (or <c>serviceUrl</c>, with replies in
/// the response); replies go to the connector.
/// </summary>
public sealed class TeamsClient(
    HttpClient http, FakeTeamsConnector connector, string tenant, string? team = "staff-team", string user = "sam", string userName = "Sam Lee", string channel = "general",
    string? teamGroupId = null, bool groupChat = false, string? serviceUrl = null)
{
    public const string BotId = "28:artbot";

    public string Conversation => groupChat ? "19:clinic-group@thread.v2" : team is null ? $"a:personal-{user}" : $"19:{team}-{channel}@thread.tacv2";

    public Task<HttpResponseMessage> AddBotToTeamAsync() => PostAsync(Activity("conversationUpdate", extra =>
    {
        extra["membersAdded"] = new JArray { new JObject { ["id"] = BotId, ["name"] = "ArtBot" } };
    }));

    /// <summary>The app installed in the team (Teams' installation update), as an admin adding it from the store does.</summary>
    public Task<HttpResponseMessage> InstallAsync() => PostAsync(Activity("installationUpdate", activity => activity["action"] = "add"));

    public Task<HttpResponseMessage> SayAsync(string text) => PostAsync(Activity("message", activity =>
    {
        activity["text"] = team is null ? text : $"<at>ArtBot</at> {text}";
        if (team is not null)
        {
            activity["entities"] = new JArray { new JObject { ["type"] = "mention", ["text"] = "<at>ArtBot</at>", ["mentioned"] = new JObject { ["id"] = BotId, ["name"] = "ArtBot" } } };
        }
    }));

    /// <summary>
    /// A press on a card's <c>Action.Execute</c>, on the card Teams shows as message <paramref name="cardMessageId"/>;
    /// returns the invoke response's body (the card as it now is, or a message).
    /// </summary>
    public async Task<JObject> PressAsync(string verb, JObject data, string? cardMessageId = null)
    {
        var response = await PostAsync(Activity("invoke", activity =>
        {
            if (cardMessageId is not null)
            {
                activity["replyToId"] = cardMessageId;
            }
            activity["name"] = "adaptiveCard/action";
            activity["value"] = new JObject { ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A press on Teams' own thumbs under the bot's message <paramref name="messageId"/>, with the text the person typed
    /// in Teams' feedback form (a JSON string, as Teams sends it).
    /// </summary>
    /// <summary>A card's <c>Action.Submit</c> pressed: Teams sends its data as the message's value, in reply to the card's message.</summary>
    public Task<HttpResponseMessage> SubmitAsync(string cardMessageId, JObject data) => PostAsync(Activity("message", activity =>
    {
        activity["replyToId"] = cardMessageId;
        activity["value"] = data;
    }));

    public Task<HttpResponseMessage> VoteAsync(string messageId, string reaction, string feedbackText = "") => PostAsync(Activity("invoke", activity =>
    {
        activity["name"] = "message/submitAction";
        activity["replyToId"] = messageId;
        activity["value"] = new JObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JObject { ["reaction"] = reaction, ["feedback"] = new JObject { ["feedbackText"] = feedbackText }.ToString(Newtonsoft.Json.Formatting.None) },
        };
    }));

    private JObject Activity(string type, Action<JObject> fill)
    {
        var channelData = new JObject { ["tenant"] = new JObject { ["id"] = tenant } };
        if (team is not null)
        {
            channelData["team"] = new JObject { ["id"] = team, ["name"] = "Clinic staff" };
            if (teamGroupId is not null)
            {
                channelData["team"]!["aadGroupId"] = teamGroupId;
            }
            channelData["channel"] = new JObject { ["id"] = Conversation, ["name"] = channel };
        }
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl ?? connector.Url,
            ["from"] = new JObject { ["id"] = "29:" + user, ["name"] = userName, ["aadObjectId"] = user },
            ["recipient"] = new JObject { ["id"] = BotId, ["name"] = "ArtBot" },
            ["conversation"] = new JObject
            {
                ["id"] = Conversation, ["isGroup"] = team is not null || groupChat, ["conversationType"] = groupChat ? "groupChat" : team is null ? "personal" : "channel", ["tenantId"] = tenant,
            },
            ["channelData"] = channelData,
        };
        if (serviceUrl is not null)
        {
            // A service elsewhere: its replies come back in the response, as a local bot sends them.
            activity["deliveryMode"] = "expectReplies";
        }
        fill(activity);
        return activity;
    }

    private Task<HttpResponseMessage> PostAsync(JObject activity) =>
        http.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
}
