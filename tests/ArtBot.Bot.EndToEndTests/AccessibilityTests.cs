using System.Text.Json;
using Xunit.Abstractions;

namespace ArtBot.Bot.EndToEndTests;

/// <summary>
/// axe-core (npm, pinned) run on the clinic's page and inside the chat's frame, at desktop and phone sizes, with the
/// welcome, an answer with its citation, and the booking form on screen, with the WCAG 2.0 to 2.2 A and AA rules (2.2's
/// target size among them) and axe's best practices. Any serious or critical violation fails.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output) : VisitorPage(browser)
{
    private static readonly Lazy<string> Axe = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe.min.js")));

    private const string RunAxe = """
        async () => {
          const results = await axe.run(document, {
            iframes: false,
            resultTypes: ['violations'],
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }
          });
          return results.violations.map(violation => ({
            id: violation.id,
            impact: violation.impact,
            help: violation.help,
            nodes: violation.nodes.slice(0, 3).map(node => node.target.join(' '))
          }));
        }
        """;

    public static TheoryData<string> Sizes => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task The_page_and_the_chat_have_no_serious_violations_with_the_welcome_an_answer_and_the_form(string size)
    {
        await OpenChatAsync(size == "phone" ? Phone : Desktop);
        var found = new List<string>();
        await CheckAsync("welcome", found);

        await AskAsync("does ART hurt?");
        await SeeAsync(Chat(), "not generally painful");
        await CheckAsync("answer with its citation", found);

        await Button("Book a free consult").ClickAsync();
        await Button("Fill in a short form").ClickAsync();
        await Button("Send my request").WaitForAsync();
        await CheckAsync("booking form", found);

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    private async Task CheckAsync(string moment, List<string> found)
    {
        foreach (var (where, frame) in new[] { ("clinic page", Page.MainFrame), ("chat frame", ChatFrame()) })
        {
            await frame.EvaluateAsync(Axe.Value);
            var violations = await frame.EvaluateAsync<JsonElement>(RunAxe);
            output.WriteLine($"{moment}, {where}: {violations.GetArrayLength()} violation(s){string.Concat(violations.EnumerateArray().Select(Describe).Select(line => "\n  " + line))}");
            found.AddRange(violations.EnumerateArray()
                .Where(violation => violation.GetProperty("impact").GetString() is "serious" or "critical")
                .Select(violation => $"{moment}, {where}: {Describe(violation)}"));
        }
    }

    private static string Describe(JsonElement violation) =>
        $"{violation.GetProperty("impact").GetString()} {violation.GetProperty("id").GetString()}: {violation.GetProperty("help").GetString()} " +
        $"({string.Join(", ", violation.GetProperty("nodes").EnumerateArray().Select(node => node.GetString()))})";
}
