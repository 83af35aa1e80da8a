using System.IO.Compression;
using System.Text.RegularExpressions;

namespace ArtBot.TeamsApp;

/// <summary>
/// The Teams app package for the clinic: <c>deploy/teams/manifest.json</c> with the bot's app id, its host and the
/// clinic's names filled in, zipped with the two icons at the root, as Teams' "Upload an app" takes it.
/// </summary>
public static partial class TeamsPackage
{
    public sealed record Values(string BotAppId, string BotHost, string ClinicName, string ClinicWebsite, string PrivacyUrl, string TermsUrl);

    public static readonly string[] Files = ["manifest.json", "color.png", "outline.png"];

    /// <summary>
    /// <c>deploy/teams</c>, where the manifest and icons are: the first folder above <paramref name="start"/> (this
    /// program's, which is built inside it) that holds them, or holds them in its <c>deploy/teams</c>.
    /// </summary>
    public static string TemplateFolder(string? start = null)
    {
        for (var folder = new DirectoryInfo(start ?? AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            foreach (var candidate in new[] { folder.FullName, Path.Combine(folder.FullName, "deploy", "teams") })
            {
                if (Files.All(file => File.Exists(Path.Combine(candidate, file))))
                {
                    return candidate;
                }
            }
        }
        throw new DirectoryNotFoundException("deploy/teams (manifest.json and the icons) was not found above " + (start ?? AppContext.BaseDirectory));
    }

    /// <summary>Writes the package to <paramref name="output"/>; the values are checked first, so a package Teams would refuse is never written.</summary>
    public static void Create(string templateFolder, Values values, string output)
    {
        var problems = Problems(values).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The Teams package was not written: " + string.Join("; ", problems));
        }
        var manifest = File.ReadAllText(Path.Combine(templateFolder, "manifest.json"))
            .Replace("{{BOT_APP_ID}}", values.BotAppId, StringComparison.Ordinal)
            .Replace("{{BOT_HOST}}", values.BotHost, StringComparison.Ordinal)
            .Replace("{{CLINIC_NAME}}", Newtonsoft.Json.JsonConvert.ToString(values.ClinicName)[1..^1], StringComparison.Ordinal)
            .Replace("{{CLINIC_WEBSITE}}", values.ClinicWebsite, StringComparison.Ordinal)
            .Replace("{{PRIVACY_URL}}", values.PrivacyUrl, StringComparison.Ordinal)
            .Replace("{{TERMS_URL}}", values.TermsUrl, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.Delete(output);
        using var zip = ZipFile.Open(output, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
        {
            writer.Write(manifest);
        }
        foreach (var icon in Files.Skip(1))
        {
            zip.CreateEntryFromFile(Path.Combine(templateFolder, icon), icon);
        }
    }

    public static IEnumerable<string> Problems(Values values)
    {
        if (!Guid.TryParse(values.BotAppId, out _))
        {
            yield return "--app-id must be the bot's Entra application (client) id, a GUID";
        }
        if (!HostName().IsMatch(values.BotHost))
        {
            yield return "--host must be the bot's host name alone, e.g. bot.clinic.example";
        }
        if (string.IsNullOrWhiteSpace(values.ClinicName) || values.ClinicName.Length > 32)
        {
            yield return "--clinic must be the clinic's name, at most 32 characters";
        }
        foreach (var (name, url) in new[] { ("--website", values.ClinicWebsite), ("--privacy", values.PrivacyUrl), ("--terms", values.TermsUrl) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                yield return $"{name} must be an https URL";
            }
        }
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.IgnoreCase)]
    private static partial Regex HostName();
}
