using ArtBot.Bot.Consult;
using ArtBot.Bot.Tests.Bots;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using static ArtBot.Bot.Tests.Bots.ConversationHarness;

namespace ArtBot.Bot.Tests.Consult;

/// <summary>The same booking as one Adaptive Card form, on channels that show cards.</summary>
public sealed class ConsultFormTests : IDisposable
{
    private readonly ConversationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Offers_the_form_or_the_questions_one_at_a_time_in_Web_Chat_and_Teams_and_the_questions_elsewhere()
    {
        foreach (var channel in new[] { Channels.Webchat, Channels.Msteams })
        {
            await _harness.Flow(channel)
                .Send("Book a free consult")
                .AssertReply(activity =>
                {
                    Assert.Empty(((IMessageActivity)activity).Attachments);
                    Assert.Equal([ConsultPrompts.FormPath, ConsultPrompts.QuestionsPath, ConsultPrompts.Cancel], Buttons(activity));
                })
                .Send(ConsultPrompts.FormPath)
                .AssertReply(activity =>
                {
                    Assert.Equal("form", Step(activity));
                    Assert.Single(((IMessageActivity)activity).Attachments, attachment => attachment.ContentType == ConsultForm.ContentType);
                })
                .AssertNoMoreReplies()
                .Send(ConsultPrompts.QuestionsPath)
                .AssertReply(activity =>
                {
                    Assert.Equal("name", Step(activity));
                    Assert.Empty(((IMessageActivity)activity).Attachments);
                })
                .AssertNoMoreReplies()
                .StartTestAsync();
        }
        foreach (var channel in new[] { Channels.Test, "sms" })
        {
            await _harness.Flow(channel)
                .Send("Book a free consult")
                .AssertReply(activity => Assert.Empty(((IMessageActivity)activity).Attachments))
                .AssertReply(activity => Assert.Equal("name", Step(activity)))
                .StartTestAsync();
        }
    }

    [Fact]
    public async Task The_form_uses_Adaptive_Card_inputs_and_the_consent_wording()
    {
        var card = await FirstFormAsync();

        var inputs = card["body"]!.Where(element => ((string?)element["type"])!.StartsWith("Input.")).ToDictionary(element => (string)element["id"]!, element => (string)element["type"]!);
        Assert.Equal(new Dictionary<string, string>
        {
            ["name"] = "Input.Text", ["contact"] = "Input.Text", ["mode"] = "Input.ChoiceSet",
            ["time"] = "Input.ChoiceSet", ["concern"] = "Input.Text", ["consent"] = "Input.Toggle",
        }, inputs);
        Assert.Contains("unsubscribe at any time", (string?)Element(card, "consent")["title"]);
        Assert.Equal("Action.Submit", (string?)card["actions"]![0]!["type"]);
    }

    [Fact]
    public async Task A_valid_form_is_stored_with_a_reference()
    {
        var card = await FirstFormAsync();

        await _harness.Flow(Channels.Webchat)
            .Send(Submission(card, name: "Ana María O'Neil", contact: "+44 20 7946 0958", mode: "online", time: "evening", concern: "tennis elbow", consent: "true"))
            .AssertReply(activity =>
            {
                Assert.Equal("booked", Step(activity));
                Assert.Contains("Thank you, Ana María O'Neil!", Text(activity));
            })
            .StartTestAsync();

        // The form on screen becomes what was sent, with nothing left to fill in or press.
        var sent = (JObject)((IMessageActivity)Assert.Single(_harness.Replaced, activity => activity.Id == _formActivityId)).Attachments.Single().Content;
        Assert.Equal("Request sent to the clinic", (string?)sent["body"]![0]!["text"]);
        Assert.Contains(sent["body"]![1]!["facts"]!, fact => (string?)fact["value"] == "Ana María O'Neil");
        Assert.Null(sent["actions"]);
        Assert.DoesNotContain(sent.Descendants().OfType<JProperty>(), property => property.Name == "type" && ((string?)property.Value)!.StartsWith("Input."));

        var stored = Assert.Single(_harness.StoredRequests).Request;
        Assert.Equal(("Ana María O'Neil", "+442079460958", ConsultMode.Online, PreferredTime.Evening, "tennis elbow"),
            (stored.Name, stored.Contact.Phone, stored.Mode, stored.Time, stored.Concern));
    }

    [Fact]
    public async Task An_invalid_form_comes_back_with_the_errors_shown_and_the_values_kept()
    {
        var card = await FirstFormAsync();

        await _harness.Flow(Channels.Webchat)
            .Send(Submission(card, name: "Dana", contact: "dana@example", mode: "phone", time: "any", concern: "", consent: "false"))
            .AssertReply(activity =>
            {
                Assert.Equal("Please check the form above: 2 fields need another look.", Text(activity));
                Assert.Empty(((IMessageActivity)activity).Attachments);
            })
            .StartTestAsync();

        // The form is shown again in its place, each problem under its field, what was typed kept.
        var replaced = (IMessageActivity)Assert.Single(_harness.Replaced);
        Assert.Equal(_formActivityId, replaced.Id);
        var returned = (JObject)replaced.Attachments.Single().Content;
        Assert.Contains("isn't a complete domain", (string?)Element(returned, "contact-error")["text"]);
        Assert.Contains("without your consent", (string?)Element(returned, "consent-error")["text"]);
        Assert.Equal("dana@example", (string?)Element(returned, "contact")["value"]);
        Assert.Equal("Dana", (string?)Element(returned, "name")["value"]);
        Assert.Equal((string?)card["actions"]![0]!["data"]!["formId"], (string?)returned["actions"]![0]!["data"]!["formId"]);
    
        Assert.Empty(_harness.StoredRequests);
    }

    [Fact]
    public async Task Values_of_the_wrong_type_are_errors_not_crashes()
    {
        var card = await FirstFormAsync();
        var submission = Submission(card, name: "Dana", contact: "416 555 0199", mode: "phone", time: "any", concern: "", consent: "true");
        var value = (JObject)submission.Value;
        value["name"] = new JObject { ["first"] = "Dana" };
        value["contact"] = new JArray(4165550199);

        await _harness.Flow(Channels.Webchat)
            .Send(submission)
            .AssertReply(activity => Assert.Equal("form", Step(activity)))
            .StartTestAsync();
        Assert.Empty(_harness.StoredRequests);
    }

    [Fact]
    public async Task Sending_the_form_twice_stores_one_request()
    {
        var card = await FirstFormAsync();
        var submission = Submission(card, name: "Dana", contact: "dana@example.com", mode: "phone", time: "any", concern: "", consent: "true");

        await _harness.Flow(Channels.Webchat)
            .Send(submission).AssertReply(activity => Assert.Contains("Thank you", Text(activity)))
            .Send(submission).AssertReply(activity => Assert.Contains("already with the clinic", Text(activity)))
            .StartTestAsync();
        Assert.Single(_harness.StoredRequests);
    }

    [Fact]
    public async Task Forms_with_ids_this_chat_was_never_shown_store_nothing_and_come_back_with_what_was_typed()
    {
        var card = await FirstFormAsync();
        var invented = new List<IMessageActivity>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var submission = Submission(card, name: "Dana", contact: "dana@example.com", mode: "phone", time: "any", concern: "knee", consent: "true");
            ((JObject)submission.Value)["formId"] = Guid.NewGuid().ToString("N");
            invented.Add(submission);
        }
        JObject? offeredAgain = null;

        var flow = _harness.Flow(Channels.Webchat);
        foreach (var submission in invented)
        {
            flow = flow.Send(submission).AssertReply(activity =>
            {
                Assert.Equal(ConsultFlow.UnknownForm, Text(activity));
                offeredAgain = (JObject)((IMessageActivity)activity).Attachments.Single().Content;
            });
        }
        await flow.StartTestAsync();

        Assert.Empty(_harness.StoredRequests);
        Assert.Equal("Dana", (string?)Element(offeredAgain!, "name")["value"]);
        await _harness.Flow(Channels.Webchat)
            .Send(Submission(offeredAgain!, name: "Dana", contact: "dana@example.com", mode: "phone", time: "any", concern: "knee", consent: "true"))
            .AssertReply(activity => Assert.Equal("booked", Step(activity)))
            .StartTestAsync();
        Assert.Single(_harness.StoredRequests);
    }

    [Fact]
    public async Task Finishing_in_the_chat_then_sending_the_form_stores_one_request()
    {
        var card = await FirstFormAsync();
        await ConsultFlowTests.AnswerSteps(_harness.Flow(Channels.Webchat).Send(ConsultPrompts.QuestionsPath).AssertReply(_ => { }), 6)
            .Send("Confirm").AssertReply(activity => Assert.Equal("booked", Step(activity)))
            .StartTestAsync();

        // The same conversation (the test adapter's), later: the form shown at the start is sent after all.
        await _harness.Flow(Channels.Webchat)
            .Send(Submission(card, name: "Dana", contact: "dana@example.com", mode: "phone", time: "any", concern: "", consent: "true"))
            .AssertReply(activity => Assert.Contains("already with the clinic", Text(activity)))
            .StartTestAsync();
        Assert.Single(_harness.StoredRequests);
    }

    [Theory]
    [InlineData(ConsultPrompts.Cancel, "the booking was cancelled and nothing was sent")]
    [InlineData(ConsultPrompts.QuestionsPath, "you chose to answer a few questions instead")]
    public async Task A_form_set_aside_is_closed_on_screen_with_the_reason(string said, string reason)
    {
        await FirstFormAsync();

        await _harness.Flow(Channels.Webchat).Send(said).AssertReply(_ => { }).StartTestAsync();

        var closed = (IMessageActivity)Assert.Single(_harness.Replaced);
        Assert.Equal(_formActivityId, closed.Id);
        Assert.Contains(reason, closed.Text);
        Assert.Empty(closed.Attachments);
    }

    private string? _formActivityId;

    private async Task<JObject> FirstFormAsync()
    {
        JObject? card = null;
        await _harness.Flow(Channels.Webchat)
            .Send("Book a free consult")
            .AssertReply(_ => { })
            .Send(ConsultPrompts.FormPath)
            .AssertReply(activity =>
            {
                card = (JObject)((IMessageActivity)activity).Attachments.Single().Content;
                _formActivityId = activity.Id;
            })
            .StartTestAsync();
        Assert.NotNull(_formActivityId);
        return card!;
    }

    internal static IMessageActivity Submission(JObject card, string name, string contact, string mode, string time, string concern, string consent)
    {
        var data = (JObject)card["actions"]![0]!["data"]!.DeepClone();
        data["name"] = name;
        data["contact"] = contact;
        data["mode"] = mode;
        data["time"] = time;
        data["concern"] = concern;
        data["consent"] = consent;
        var message = MessageFactory.Text(null);
        message.Value = data;
        return message;
    }

    private static JObject Element(JObject card, string id) => (JObject)card["body"]!.Single(element => (string?)element["id"] == id);
}
