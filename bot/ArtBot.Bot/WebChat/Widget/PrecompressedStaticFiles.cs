using Microsoft.Net.Http.Headers;

namespace ArtBot.Bot.WebChat.Widget;

/// <summary>
/// Serves the build's <c>.br</c> / <c>.gz</c> copy of a static file (made once, at the strongest setting) to browsers
/// that accept it, so Web Chat is neither sent uncompressed nor compressed again on every request.
/// </summary>
public static class PrecompressedStaticFiles
{
    private static readonly (string Encoding, string Extension)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    public static IApplicationBuilder UsePrecompressedStaticFiles(this IApplicationBuilder app, IWebHostEnvironment environment) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value;
            if (path is not null && path.EndsWith(".js", StringComparison.Ordinal) && HttpMethods.IsGet(context.Request.Method))
            {
                var accepted = context.Request.Headers.AcceptEncoding.ToString();
                foreach (var (encoding, extension) in Encodings)
                {
                    if (accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase)
                        && environment.WebRootFileProvider.GetFileInfo(path + extension).Exists)
                    {
                        context.Request.Path = path + extension;
                        context.Response.OnStarting(() =>
                        {
                            context.Response.Headers.ContentEncoding = encoding;
                            context.Response.Headers.ContentType = "text/javascript";
                            context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
                            return Task.CompletedTask;
                        });
                        break;
                    }
                }
            }
            await next(context);
        });
}
