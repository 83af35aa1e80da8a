using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ArtBot.Bot.EndToEndTests;

/// <summary>Booking the free consult in the widget: one path at a time, Cancel at every step, a form that can be sent once.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BookingInTheBrowserTests(BrowserFixture browser, ITestOutputHelper output) : VisitorPage(browser)
{
    private const string SendTheForm = "Send my request";

    /// <summary>The booking by questions, after "What's your name?": each answer and words of the question it brings.</summary>
    internal static readonly (string Answer, string NextQuestion)[] QuestionsPath =
    [
        ("Dana Smith", "How can the clinic reach you?"),
        ("416 555 0199", "by phone call or online (video)?"),
        ("Phone call", "What time of day suits you best?"),
        ("Morning", "what hurts?"),
        ("Skip", "Do you agree?"),
        ("Yes, I agree", "Shall I send it to the clinic?"),
        ("Confirm", "Your request is with the clinic"),
    ];

    [Fact]
    public async Task Choosing_the_form_shows_the_form_alone_and_once_sent_it_becomes_what_was_sent()
    {
        await OpenChatAsync();
        await Button("Book a free consult").ClickAsync();
        await Button("Fill in a short form").ClickAsync();

        await Visible(Chat().GetByRole(AriaRole.Textbox, new() { Name = "Your name" })).FillAsync("Dana Smith");
        await Assertions.Expect(Chat().GetByText("What's your name?")).ToHaveCountAsync(0);
        await Visible(Chat().GetByRole(AriaRole.Textbox, new() { Name = "Phone number or email" })).FillAsync("dana.smith@example.com");
        await ChooseAsync(Visible(Chat().GetByRole(AriaRole.Radio, new() { Name = "Online (video)" })));
        await Visible(Chat().GetByRole(AriaRole.Textbox, new() { Name = "What hurts? (optional)" })).FillAsync("Sore wrist from typing");
        await ChooseAsync(Visible(Chat().GetByRole(AriaRole.Checkbox, new() { Name = "By sending this request you agree" })));
        await ScreenshotAsync("desktop-booking-form.png");
        await Button(SendTheForm).ClickAsync();

        var confirmation = await SeeAsync(Chat(), ReferencePattern());
        output.WriteLine(await confirmation.InnerTextAsync());
        await SeeAsync(Chat(), "Request sent to the clinic");
        await Assertions.Expect(Chat().GetByRole(AriaRole.Button, new() { Name = SendTheForm })).ToHaveCountAsync(0);
        await Assertions.Expect(Chat().GetByRole(AriaRole.Textbox, new() { Name = "Your name" })).ToHaveCountAsync(0);
        await ScreenshotAsync("desktop-consult-booked.png");
        NoConsoleErrors();
    }

    [Fact]
    public async Task The_form_can_be_filled_and_sent_with_the_keyboard_alone()
    {
        await OpenChatAsync();
        await Button("Book a free consult").ClickAsync();
        await Button("Fill in a short form").ClickAsync();
        var name = Visible(Chat().GetByRole(AriaRole.Textbox, new() { Name = "Your name" }));
        await Assertions.Expect(name).ToBeFocusedAsync();

        await TypeAndTabAsync("Dana Smith");
        await TypeAndTabAsync("dana.smith@example.com");
        await Page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(Visible(Chat().GetByRole(AriaRole.Radio, new() { Name = "Online (video)" }))).ToBeCheckedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Tab"); // past the preferred time of day, left at "any"
        await TypeAndTabAsync("Sore wrist from typing");
        await Page.Keyboard.PressAsync("Space");
        await Assertions.Expect(Visible(Chat().GetByRole(AriaRole.Checkbox, new() { Name = "By sending this request you agree" }))).ToBeCheckedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Button(SendTheForm)).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");

        var confirmation = await SeeAsync(Chat(), ReferencePattern());
        output.WriteLine(await confirmation.InnerTextAsync());
        await SeeAsync(Chat(), "online (video)");
        NoConsoleErrors();
    }

    [Fact]
    public async Task An_empty_form_sent_shows_every_problem_at_once_consent_included()
    {
        await OpenChatAsync();
        await Button("Book a free consult").ClickAsync();
        await Button("Fill in a short form").ClickAsync();
        await Visible(Chat().GetByRole(AriaRole.Textbox, new() { Name = "Your name" })).WaitForAsync();
        await SettledForm().WaitForAsync();

        await Button(SendTheForm).ClickAsync();

        await SeeAsync(Chat(), "Please enter your name.");
        await SeeAsync(Chat(), "Please enter a phone number or an email address.");
        await SeeAsync(Chat(), "Please tick this box");
        await Assertions.Expect(Chat().GetByRole(AriaRole.Button, new() { Name = SendTheForm })).ToHaveCountAsync(1);
        NoConsoleErrors();
    }

    [Fact]
    public async Task A_form_with_a_mistake_is_shown_again_in_its_place_with_the_reason()
    {
        await OpenChatAsync();
        await Button("Book a free consult").ClickAsync();
        await Button("Fill in a short form").ClickAsync();
        await Visible(Chat().GetByRole(AriaRole.Textbox, new() { Name = "Your name" })).FillAsync("Dana Smith");
        await Visible(Chat().GetByRole(AriaRole.Textbox, new() { Name = "Phone number or email" })).FillAsync("dana@example");
        await ChooseAsync(Visible(Chat().GetByRole(AriaRole.Checkbox, new() { Name = "By sending this request you agree" })));
        await Button(SendTheForm).ClickAsync();

        await SeeAsync(Chat(), "Please check the form above: 1 field needs another look.");
        await SeeAsync(Chat(), "a complete domain");
        await Assertions.Expect(Chat().GetByRole(AriaRole.Button, new() { Name = SendTheForm })).ToHaveCountAsync(1);
        await Assertions.Expect(Visible(Chat().GetByRole(AriaRole.Textbox, new() { Name = "Your name" }))).ToHaveValueAsync("Dana Smith");
        NoConsoleErrors();
    }

    [Fact]
    public async Task Choosing_the_questions_shows_no_form_and_every_step_offers_Cancel()
    {
        await OpenChatAsync();
        await Button("Book a free consult").ClickAsync();
        await ScreenshotAsync("desktop-booking-choice.png");
        await Button("Answer a few questions").ClickAsync();

        await SeeAsync(Chat(), "your name?");
        await Assertions.Expect(Chat().GetByRole(AriaRole.Button, new() { Name = SendTheForm })).ToHaveCountAsync(0);
        await Assertions.Expect(Button("Cancel")).ToBeVisibleAsync();
        foreach (var (answer, next) in QuestionsPath.SkipLast(1))
        {
            await AskAsync(answer);
            await SeeAsync(Chat(), next);
            await Assertions.Expect(Button("Cancel")).ToBeVisibleAsync();
        }
        await Button("Cancel").ClickAsync();
        await SeeAsync(Chat(), "cancelled the booking. Nothing was saved.");
        NoConsoleErrors();
    }

    [Fact]
    public async Task Setting_the_form_aside_for_the_questions_closes_it()
    {
        await OpenChatAsync();
        await Button("Book a free consult").ClickAsync();
        await Button("Fill in a short form").ClickAsync();
        await Assertions.Expect(Button(SendTheForm)).ToBeVisibleAsync();

        await Button("Answer a few questions").ClickAsync();

        await SeeAsync(Chat(), "your name?");
        await SeeAsync(Chat(), "you chose to answer a few questions instead");
        await Assertions.Expect(Chat().GetByRole(AriaRole.Button, new() { Name = SendTheForm })).ToHaveCountAsync(0);
        NoConsoleErrors();
    }

    [Fact]
    public async Task Keeps_the_booking_when_the_visitor_moves_to_another_page()
    {
        await OpenChatAsync();
        await AskAsync("Book a free consult");
        await Button("Answer a few questions").ClickAsync();
        await SeeAsync(Chat(), "your name?");
        await AskAsync("Dana Smith");
        await SeeAsync(Chat(), "How can the clinic reach you?");

        await Page.ReloadAsync();
        await Launcher().ClickAsync();
        await SeeAsync(Chat(), "How can the clinic reach you?");
        await AskAsync("416 555 0199");

        await SeeAsync(Chat(), "by phone call or online (video)?");
        NoConsoleErrors();
    }

    [GeneratedRegex(@"Your reference is ART-[2-9A-HJ-NP-Z]{4}")]
    private static partial Regex ReferencePattern();
}
