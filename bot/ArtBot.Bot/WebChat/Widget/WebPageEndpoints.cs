using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using ArtBot.Bot.Clinic;
using ArtBot.Bot.WebChat.DirectLine;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.WebChat.Widget;

/// <summary><c>GET /</c>, the clinic's page with the widget, and <c>GET /chat</c>, the chat on its own (and inside the widget).</summary>
public static class WebPageEndpoints
{
    private static readonly Lazy<string> ClinicPage = new(() => Page("index.html"));
    private static readonly Lazy<string> ChatPage = new(() => Page("chat.html"));

    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context, IOptions<DirectLineOptions> directLine, IOptions<WidgetOptions> widget) =>
            Html(context, ClinicPage.Value, ContentSecurityPolicy.For(context.Request, directLine.Value, widget.Value)));

        endpoints.MapGet("/chat", (HttpContext context, bool? embedded, IOptions<DirectLineOptions> directLine, IOptions<WidgetOptions> widget, IOptions<ClinicOptions> clinic) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            var html = ChatPage.Value
                .Replace("{{nonce}}", nonce, StringComparison.Ordinal)
                .Replace("{{layout}}", embedded == true ? "embedded" : "full-page", StringComparison.Ordinal)
                .Replace("{{avatarUrl}}", HtmlEncoder.Default.Encode(widget.Value.AvatarUrl), StringComparison.Ordinal)
                .Replace("{{avatarInitials}}", HtmlEncoder.Default.Encode(WidgetOptions.Initials(clinic.Value.Name)), StringComparison.Ordinal)
                .Replace("{{clinicName}}", HtmlEncoder.Default.Encode(clinic.Value.Name), StringComparison.Ordinal)
                .Replace("{{greetingAfterSeconds}}", widget.Value.GreetingAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            return Html(context, html, ContentSecurityPolicy.For(context.Request, directLine.Value, widget.Value, nonce));
        });
        return endpoints;
    }

    private static IResult Html(HttpContext context, string html, string policy)
    {
        context.Response.Headers.ContentSecurityPolicy = policy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string Page(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"ArtBot.Bot.WebChat.Widget.Pages.{name}")
            ?? throw new InvalidOperationException($"The page {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
