using System.Net;
using System.Text.RegularExpressions;
using ArtBot.Bot.Tests.Hosting;

namespace ArtBot.Bot.Tests.WebChat.Widget;

public sealed partial class WebPageTests : IDisposable
{
    private readonly ArtBotApplication _app = new(new() { ["Widget:AllowedSites:0"] = "https://www.clinic.example" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_clinic_page_shows_the_article_title_and_loads_the_widget_from_the_bot()
    {
        var response = await _app.CreateClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Does Active Release Therapy Really Work?</h1>", html);
        Assert.Contains("<script src=\"/widget.js\"", html);
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public async Task Pages_allow_only_the_bots_own_origin()
    {
        var response = await _app.CreateClient().GetAsync("/");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("connect-src 'self' ws://localhost;", policy);
        Assert.Contains("frame-ancestors 'self' https://www.clinic.example", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
    }

    [Fact]
    public async Task The_chat_page_gives_Web_Chat_a_fresh_nonce_for_its_styles()
    {
        var client = _app.CreateClient();

        var first = await client.GetAsync("/chat");
        var second = await client.GetAsync("/chat");

        var nonce = NonceInPolicy(first);
        Assert.Contains($"<script src=\"/chat.js\" nonce=\"{nonce}\">", await first.Content.ReadAsStringAsync());
        Assert.Contains("<script src=\"/lib/webchat/webchat.js\"", await first.Content.ReadAsStringAsync());
        Assert.NotEqual(nonce, NonceInPolicy(second));
    }

    [Fact]
    public async Task The_bots_avatar_is_the_clinics_initials_or_the_picture_the_clinic_set()
    {
        var initials = await (await _app.CreateClient().GetAsync("/chat")).Content.ReadAsStringAsync();
        using var withPicture = new ArtBotApplication(new() { ["Widget:AvatarUrl"] = "/clinic-logo.png", ["Clinic:Name"] = "The Orthopaedic Therapy Clinic" });
        var picture = await (await withPicture.CreateClient().GetAsync("/chat")).Content.ReadAsStringAsync();

        Assert.Contains("data-avatar-url=\"\" data-avatar-initials=\"IH\"", initials);
        Assert.Contains("data-avatar-url=\"/clinic-logo.png\" data-avatar-initials=\"OT\"", picture);
        Assert.Contains("The Orthopaedic Therapy Clinic: questions about Active Release Therapy", picture);
    }

    [Theory]
    [InlineData("/widget.js", "text/javascript")]
    [InlineData("/widget.css", "text/css")]
    [InlineData("/lib/webchat/webchat.js", "text/javascript")]
    public async Task Serves_the_widget_and_Web_Chat_from_its_own_static_files(string path, string contentType)
    {
        var response = await _app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    private static string NonceInPolicy(HttpResponseMessage response) =>
        NoncePattern().Match(response.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value;

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();
}
