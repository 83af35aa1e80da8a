using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ArtBot.Bot.EndToEndTests;

/// <summary>
/// What a patient sees and does at desktop and phone sizes: replies that fit the chat without scrolling, focus in the
/// message box, Escape and Tab that behave, a close button big enough to tap, a launcher that leaves the page readable.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FitAndKeyboardTests(BrowserFixture browser, ITestOutputHelper output) : VisitorPage(browser)
{
    public static TheoryData<string> Sizes => ["desktop", "phone"];

    private static (int Width, int Height) Size(string name) => name == "phone" ? Phone : Desktop;

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task The_welcome_and_its_buttons_fit_the_chat_without_scrolling(string size)
    {
        await OpenChatAsync(Size(size));
        await Assertions.Expect(Button("Book a free consult")).ToBeVisibleAsync();
        var welcomeBubble = Visible(Chat().Locator(".webchat__bubble", new() { HasText = WelcomeText }));
        var suggestedActions = Visible(Chat().Locator(".webchat__suggested-actions"));
        await LayoutAtRestAsync(welcomeBubble, suggestedActions);

        var transcript = await TranscriptAsync();
        var welcome = await BoxAsync(welcomeBubble);
        var buttons = await BoxAsync(suggestedActions);
        output.WriteLine($"{size}: welcome {welcome.Height:0} px + buttons {buttons.Height:0} px; the transcript shows {transcript.Box.Height:0} px and holds {transcript.ScrollHeight:0} px");

        Assert.True(transcript.ScrollHeight <= transcript.Box.Height + 1, $"The transcript scrolls: {transcript.ScrollHeight} px in {transcript.Box.Height} px.");
        Assert.True(welcome.Y >= transcript.Box.Y && welcome.Y + welcome.Height <= transcript.Box.Y + transcript.Box.Height, "The welcome is not wholly in view.");
        await ScreenshotAsync($"{size}-welcome.png");
        NoConsoleErrors();
    }

    public static TheoryData<string, string> SizesAndUnansweredQuestions => new()
    {
        { "desktop", "Can you recommend a good yoga class?" },
        { "phone", "Can you recommend a good yoga class?" },
        { "desktop", "How many sessions will I need?" },
        { "phone", "How many sessions will I need?" },
    };

    [Theory]
    [MemberData(nameof(SizesAndUnansweredQuestions))]
    public async Task A_question_the_article_does_not_answer_gets_a_short_reply_and_stays_in_view(string size, string asked)
    {
        await OpenChatAsync(Size(size));
        await AskAsync(asked);
        // The fallback and the "not in the article" answer both end by pointing to a person.
        var reply = await SeeAsync(Chat(), "physiotherapist or chiropractor can");
        await Assertions.Expect(Button("Book a free consult")).ToBeVisibleAsync();
        await ScrolledToTheEndAsync();

        var transcript = await TranscriptAsync();
        var question = await BoxAsync(Visible(Chat().Locator(".webchat__bubble", new() { HasText = asked })));
        var answer = await BoxAsync(Visible(Chat().Locator(".webchat__bubble", new() { Has = reply })).Last);
        output.WriteLine($"{size}: the reply is {answer.Height:0} px in a transcript showing {transcript.Box.Height:0} px: \"{await reply.InnerTextAsync()}\"");

        Assert.True(answer.Height <= transcript.Box.Height / 2, $"The reply takes {answer.Height} of {transcript.Box.Height} px.");
        Assert.True(question.Y >= transcript.Box.Y, "The question scrolled out of view.");
        Assert.True(answer.Y + answer.Height <= transcript.Box.Y + transcript.Box.Height + 1, "The reply does not fit.");
        NoConsoleErrors();
    }

    [Fact]
    public async Task Every_answer_from_the_article_fits_the_desktop_chat()
    {
        await OpenChatAsync(Desktop);
        var knowledgeBase = ArtBot.Knowledge.Content.KnowledgeBaseLoader.Load(ArtBot.Knowledge.KnowledgeFiles.Default);
        var heights = new List<(string Title, float Answer, float Shown)>();
        foreach (var entry in knowledgeBase.Entries.Where(entry => entry.IsArticleTopic))
        {
            var botBubbles = Chat().Locator(".webchat__bubble:not(.webchat__bubble--from-user)");
            var before = await botBubbles.CountAsync();
            await AskAsync(entry.Title);
            await Assertions.Expect(botBubbles).Not.ToHaveCountAsync(before);
            await ScrolledToTheEndAsync();

            var transcript = await TranscriptAsync();
            var answer = await BoxAsync(botBubbles.Last);
            heights.Add((entry.Title, answer.Height, transcript.Box.Height));
        }
        output.WriteLine($"Answers in the desktop chat: {string.Join(", ", heights.Select(height => $"{height.Title} {height.Answer:0}/{height.Shown:0}"))} px");
        Assert.All(heights, height => Assert.True(height.Answer <= height.Shown, $"The answer to \"{height.Title}\" is {height.Answer} px in a chat showing {height.Shown} px."));
    }

    [Fact]
    public async Task Every_step_of_the_booking_fits_the_desktop_chat()
    {
        await OpenChatAsync(Desktop);
        var heights = new List<(string Step, float Reply, float Shown)>();
        await Button("Book a free consult").ClickAsync();
        await SeeAsync(Chat(), "How would you like to book");
        heights.Add(("choice", await NewestReplyHeightAsync(), (await TranscriptAsync()).Box.Height));
        await Button("Answer a few questions").ClickAsync();
        await SeeAsync(Chat(), "your name?");
        foreach (var (answer, next) in BookingInTheBrowserTests.QuestionsPath)
        {
            await AskAsync(answer);
            await SeeAsync(Chat(), next);
            heights.Add((next, await NewestReplyHeightAsync(), (await TranscriptAsync()).Box.Height));
        }
        output.WriteLine($"Booking replies in the desktop chat: {string.Join(", ", heights.Select(height => $"\"{height.Step}\" {height.Reply:0}/{height.Shown:0}"))} px");
        Assert.All(heights, height => Assert.True(height.Reply <= height.Shown, $"The reply \"{height.Step}\" is {height.Reply} px in a chat showing {height.Shown} px."));
    }

    [Fact]
    public async Task The_booking_form_opens_at_its_heading_with_the_cursor_in_its_first_field_and_Tab_goes_through_every_field()
    {
        await OpenChatAsync(Desktop);
        await Button("Book a free consult").ClickAsync();
        await Button("Fill in a short form").ClickAsync();

        var form = Chat().Locator(".ac-adaptiveCard").Last;
        var fields = new[]
        {
            Chat().GetByRole(AriaRole.Textbox, new() { Name = "Your name" }),
            Chat().GetByRole(AriaRole.Textbox, new() { Name = "Phone number or email" }),
            Chat().GetByRole(AriaRole.Radio, new() { Name = "Phone call" }),
            form.Locator("select"),
            Chat().GetByRole(AriaRole.Textbox, new() { Name = "What hurts? (optional)" }),
            Chat().GetByRole(AriaRole.Checkbox, new() { Name = "By sending this request you agree" }),
            form.GetByRole(AriaRole.Button, new() { Name = "Send my request" }),
        };
        await Assertions.Expect(Visible(fields[0])).ToBeFocusedAsync();
        await LayoutAtRestAsync(form);
        var (shown, _) = await TranscriptAsync();
        var heading = await BoxAsync(form.Locator(".ac-textBlock").First);
        var formBox = await BoxAsync(form);
        output.WriteLine($"The form is {formBox.Height:0} px tall in a desktop chat showing {shown.Height:0} px; its heading is at {heading.Y - shown.Y:0} px from the top.");
        Assert.True(heading.Y >= shown.Y - 1 && heading.Y + heading.Height <= shown.Y + shown.Height, "The form's heading is out of view.");

        foreach (var field in fields.Skip(1))
        {
            await Page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(Visible(field)).ToBeFocusedAsync();
        }
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(SendBox()).ToBeFocusedAsync();
        NoConsoleErrors();
    }

    private async Task<float> NewestReplyHeightAsync()
    {
        await ScrolledToTheEndAsync();
        return (await BoxAsync(Chat().Locator(".webchat__bubble:not(.webchat__bubble--from-user)").Last)).Height;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Opening_the_chat_puts_the_cursor_in_the_message_box_by_mouse_or_keyboard(string size)
    {
        await ResizeAsync(Size(size));
        await Page.GotoAsync(Browser.Server.BaseUrl + "/");
        await Launcher().FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await SeeAsync(Chat(), WelcomeText);
        await Assertions.Expect(SendBox()).ToBeFocusedAsync();

        await Page.Keyboard.TypeAsync("does it hurt");
        await Assertions.Expect(SendBox()).ToHaveValueAsync("does it hurt");

        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Panel()).ToBeHiddenAsync();
        await Launcher().ClickAsync();
        await Assertions.Expect(SendBox()).ToBeFocusedAsync();
        NoConsoleErrors();
    }

    [Fact]
    public async Task Escape_in_the_message_box_closes_the_chat_and_focus_returns_to_the_launcher()
    {
        await OpenChatAsync();
        await SendBox().ClickAsync();
        await SendBox().FillAsync("half a question");

        await SendBox().PressAsync("Escape");

        await Assertions.Expect(Panel()).ToBeHiddenAsync();
        await Assertions.Expect(Launcher()).ToBeFocusedAsync();
        Assert.Equal("false", await Launcher().GetAttributeAsync("aria-expanded"));
        NoConsoleErrors();
    }

    [Fact]
    public async Task Escape_in_a_field_of_the_booking_form_leaves_the_form_and_a_second_Escape_closes_the_chat()
    {
        await OpenChatAsync();
        await Button("Book a free consult").ClickAsync();
        await Button("Fill in a short form").ClickAsync();
        var nameField = Chat().Locator(".ac-adaptiveCard input.ac-textInput").First;
        await nameField.ClickAsync();
        await nameField.FillAsync("Dana");

        await nameField.PressAsync("Escape");

        await Assertions.Expect(Panel()).ToBeVisibleAsync();
        await Assertions.Expect(SendBox()).ToBeFocusedAsync();
        await Assertions.Expect(nameField).ToHaveValueAsync("Dana");

        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Panel()).ToBeHiddenAsync();
        NoConsoleErrors();
    }

    [Fact]
    public async Task A_suggested_action_reached_with_Tab_shows_a_solid_focus_ring()
    {
        await OpenChatAsync();
        await Assertions.Expect(SendBox()).ToBeFocusedAsync();

        string? ring = null;
        for (var presses = 0; presses < 12 && ring is null; presses++)
        {
            await Page.Keyboard.PressAsync("Shift+Tab");
            ring = await ChatFrame().EvaluateAsync<string?>("""
                () => {
                  const focused = document.activeElement;
                  if (!focused || !focused.classList.contains('webchat__suggested-action')) { return null; }
                  const style = getComputedStyle(focused);
                  return style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor;
                }
                """);
        }

        Assert.Equal("solid 3px rgb(26, 26, 26)", ring);
    }

    [Fact]
    public async Task Tab_and_Shift_Tab_stay_inside_the_open_chat()
    {
        await OpenChatAsync();
        await Assertions.Expect(SendBox()).ToBeFocusedAsync();

        var places = new List<string>();
        foreach (var key in Enumerable.Repeat("Tab", 14).Concat(Enumerable.Repeat("Shift+Tab", 14)))
        {
            await Page.Keyboard.PressAsync(key);
            var inside = await Page.EvaluateAsync<bool>("() => document.getElementById('artbot-panel').contains(document.activeElement)");
            var place = await Page.EvaluateAsync<string>("() => document.activeElement.tagName + (document.activeElement.className ? '.' + document.activeElement.className : '')");
            places.Add(place);
            Assert.True(inside, $"{key} left the chat for {place} after {string.Join(" → ", places)}");
        }
        Assert.Contains("BUTTON.artbot-close", places);
        Assert.Contains("IFRAME.artbot-frame", places);
    }

    [Fact]
    public async Task On_a_phone_the_chat_fills_the_screen_its_close_button_is_big_enough_and_the_footer_stays_readable()
    {
        await ResizeAsync(Phone);
        await Page.GotoAsync(Browser.Server.BaseUrl + "/");
        await Page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        var footer = await BoxAsync(Page.Locator(".disclaimer"));
        var launcher = await BoxAsync(Launcher());
        output.WriteLine($"Scrolled to the end: disclaimer {footer.Y:0}–{footer.Y + footer.Height:0} px, launcher from {launcher.Y:0} px");
        Assert.True(footer.Y + footer.Height <= launcher.Y, "The launcher covers the page's disclaimer.");
        await ScreenshotAsync("phone-page.png");

        await Launcher().ClickAsync();
        await SeeAsync(Chat(), WelcomeText);
        var panel = await BoxAsync(Panel());
        Assert.Equal((0f, 0f, 390f, 844f), (panel.X, panel.Y, panel.Width, panel.Height));
        var close = await BoxAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Close the chat" }));
        output.WriteLine($"Close button: {close.Width:0}×{close.Height:0} px");
        Assert.True(close.Width >= 44 && close.Height >= 44, $"The close button is {close.Width}×{close.Height} px.");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Close the chat" }).ClickAsync();
        await Assertions.Expect(Panel()).ToBeHiddenAsync();
        await Assertions.Expect(Launcher()).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_booking_form_has_chat_sized_text_tall_fields_and_the_clinics_colour_when_pressed()
    {
        await OpenChatAsync(Phone);
        await Button("Book a free consult").ClickAsync();
        await Button("Fill in a short form").ClickAsync();
        var name = Visible(Chat().GetByRole(AriaRole.Textbox, new() { Name = "Your name" }));
        await name.WaitForAsync();

        var sizes = new Dictionary<string, (double FontSize, double Height)>
        {
            ["name"] = await MeasureAsync(name),
            ["radio"] = await MeasureAsync(Visible(Chat().Locator(".ac-choiceSetInput-expanded > div"))),
            ["time"] = await MeasureAsync(Visible(Chat().Locator("select.ac-input, .ac-input select"))),
            ["consent"] = await MeasureAsync(Visible(Chat().Locator(".ac-toggleInput"))),
            ["send"] = await MeasureAsync(Button("Send my request")),
        };
        output.WriteLine(string.Join("; ", sizes.Select(size => $"{size.Key}: {size.Value.FontSize} px text, {size.Value.Height:0} px tall")));
        Assert.All(sizes, size => Assert.True(size.Value.Height >= 44, $"{size.Key} is {size.Value.Height} px tall."));
        Assert.True(sizes["name"].FontSize >= 16 && sizes["send"].FontSize >= 16, "Form text is smaller than the chat's.");

        var send = Button("Send my request");
        await PressAndHoldAsync(send);
        await Assertions.Expect(send).ToHaveCSSAsync("background-color", "rgb(11, 110, 79)");
        await Page.Mouse.UpAsync();
    }

    /// <summary>
    /// Holds the mouse button down on <paramref name="button"/> until the browser takes it as pressed (<c>:active</c>).
    /// On a busy machine the transcript can still move after it looked at rest, so a press aimed at where the button
    /// was lands beside it; such a press is let go (never released over anything) and aimed again.
    /// </summary>
    private async Task PressAndHoldAsync(ILocator button)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await LayoutAtRestAsync(button);
            await button.HoverAsync();
            await Page.Mouse.DownAsync();
            if (await button.EvaluateAsync<bool>("element => element.matches(':active')"))
            {
                return;
            }
            output.WriteLine($"Press {attempt + 1} did not land on the button; aiming again.");
            await Page.Mouse.MoveAsync(0, 0);
            await Page.Mouse.UpAsync();
        }
        Assert.Fail("The button never took a press.");
    }

    private static async Task<(double FontSize, double Height)> MeasureAsync(ILocator element)
    {
        var box = await BoxAsync(element);
        var fontSize = await element.EvaluateAsync<double>("element => parseFloat(getComputedStyle(element.matches('input, select, textarea, button') ? element : (element.querySelector('input, label') || element)).fontSize)");
        return (fontSize, box.Height);
    }

    /// <summary>
    /// Waits until the transcript rests at its end: Web Chat scrolls to a new message with an animation, which a busy
    /// machine can take seconds to finish, so one look at the end is not enough to measure what is in view.
    /// </summary>
    private async Task ScrolledToTheEndAsync()
    {
        var scroller = Visible(Chat().Locator(".webchat__basic-transcript__scrollable"));
        var restingLooks = 0;
        for (var attempt = 0; attempt < 200 && restingLooks < 3; attempt++)
        {
            var atTheEnd = await scroller.EvaluateAsync<bool>("element => element.scrollHeight - element.scrollTop - element.clientHeight < 2");
            restingLooks = atTheEnd ? restingLooks + 1 : 0;
            await Task.Delay(100);
        }
        Assert.True(restingLooks >= 3, "The transcript did not come to rest at its end within 20 s.");
    }

    /// <summary>
    /// Waits until the transcript and the given elements hold still: the chat opens, and the buttons arrive, with
    /// animations that a busy machine can take seconds to finish, and boxes read one after another in the middle of one
    /// do not fit together.
    /// </summary>
    private async Task LayoutAtRestAsync(params ILocator[] elements)
    {
        var scroller = Visible(Chat().Locator(".webchat__basic-transcript__scrollable"));
        var watched = elements.Prepend(scroller).ToList();
        string? last = null;
        var restingLooks = 0;
        for (var attempt = 0; attempt < 200 && restingLooks < 3; attempt++)
        {
            var boxes = new List<string>();
            foreach (var element in watched)
            {
                var box = await BoxAsync(element);
                boxes.Add($"{box.X:0.#},{box.Y:0.#},{box.Width:0.#},{box.Height:0.#}");
            }
            var look = string.Join(" ", boxes) + " " + await scroller.EvaluateAsync<double>("element => element.scrollTop");
            restingLooks = look == last ? restingLooks + 1 : 0;
            last = look;
            await Task.Delay(100);
        }
        Assert.True(restingLooks >= 3, "The chat's layout did not come to rest within 20 s.");
    }

    private async Task<(LocatorBoundingBoxResult Box, double ScrollHeight)> TranscriptAsync()
    {
        var scroller = Visible(Chat().Locator(".webchat__basic-transcript__scrollable"));
        return (await BoxAsync(scroller), await scroller.EvaluateAsync<double>("element => element.scrollHeight"));
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator element) =>
        await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"{element} is not on screen.");
}
