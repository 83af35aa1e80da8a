using System.Text;

namespace ArtBot.Bot.Hosting;

public static class RequestBody
{
    /// <summary>Reads a request body as UTF-8 text, refusing (with <see cref="InvalidDataException"/>) one over <paramref name="limit"/> bytes.</summary>
    public static async Task<string> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw new InvalidDataException($"The request body is over {limit} bytes.");
            }
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
