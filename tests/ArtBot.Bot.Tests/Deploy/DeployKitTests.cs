using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Deploy;

/// <summary>
/// No Docker engine or Azure runs here, so the go-live kit is checked as text: every path the Dockerfile copies exists,
/// and every setting the compose file and the Bicep template pass is one the bot reads.
/// </summary>
public sealed partial class DeployKitTests
{
    private static readonly string Repository = FindRepository();

    [Fact]
    public void Every_path_the_Dockerfile_copies_exists()
    {
        var copied = File.ReadLines(Path.Combine(Repository, "deploy", "Dockerfile"))
            .Where(line => line.StartsWith("COPY ", StringComparison.Ordinal) && !line.Contains("--from", StringComparison.Ordinal))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();

        Assert.NotEmpty(copied);
        Assert.All(copied, path => Assert.True(File.Exists(Path.Combine(Repository, path)) || Directory.Exists(Path.Combine(Repository, path)), $"{path} does not exist"));
    }

    [Fact]
    public void Runs_as_a_non_root_user_on_port_3978_with_a_health_check_and_App_Data_on_a_volume()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Repository, "deploy", "Dockerfile"));

        Assert.Matches(@"\nUSER (?!root)\w+", dockerfile);
        Assert.Contains("EXPOSE 3978", dockerfile);
        Assert.Contains("HEALTHCHECK", dockerfile);
        Assert.Contains("/healthz", dockerfile);
        Assert.Contains("VOLUME /app/App_Data", dockerfile);
    }

    [Theory]
    [InlineData("compose.yaml")]
    [InlineData("azure/main.bicep")]
    public void Passes_only_settings_the_bot_reads(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository, "deploy", file));
        var names = (file.EndsWith(".bicep", StringComparison.Ordinal) ? BicepSetting().Matches(text) : ComposeSetting().Matches(ComposeEnvironment(text)))
            .Select(match => match.Groups["name"].Value).Distinct().ToList();
        var known = Settings(JObject.Parse(File.ReadAllText(Path.Combine(Repository, "bot", "ArtBot.Bot", "appsettings.json"))));

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.True(
            known.Contains(Regex.Replace(name.Replace("__", ":", StringComparison.Ordinal), @":\d+$", ""), StringComparer.OrdinalIgnoreCase) || name.StartsWith("OTEL_", StringComparison.Ordinal),
            $"{file} sets {name}, which the bot does not read"));
    }

    [Theory]
    [InlineData("compose.yaml")]
    [InlineData("azure/main.bicep")]
    public void Runs_the_bot_on_PostgreSQL_so_it_can_scale_out(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository, "deploy", file));
        var settings = file.EndsWith(".bicep", StringComparison.Ordinal) ? text : ComposeEnvironment(text);

        Assert.Matches(@"Database__Provider'?""?,?\s*(value)?:?\s*['""]PostgreSQL['""]", settings);
        Assert.Contains("ConnectionStrings__ArtBot", settings);
    }

    [Fact]
    public void Pins_every_base_image_by_digest()
    {
        var images = Regex.Matches(File.ReadAllText(Path.Combine(Repository, "deploy", "Dockerfile")), @"(?m)^FROM\s+(?<image>\S+)")
            .Concat(Regex.Matches(File.ReadAllText(Path.Combine(Repository, "deploy", "compose.yaml")), @"(?m)^\s+image:\s+(?<image>\S+)"))
            .Select(match => match.Groups["image"].Value)
            .ToList();

        Assert.Equal(4, images.Count);
        Assert.All(images, image => Assert.Matches(@"@sha256:[0-9a-f]{64}$", image));
    }

    [Fact]
    public void Sends_the_image_build_the_sources_only()
    {
        var ignored = File.ReadAllLines(Path.Combine(Repository, ".dockerignore"));

        Assert.All(new[] { "**/node_modules/", "**/bin/", "**/obj/", "**/App_Data/", "**/*.db", ".git/" }, pattern => Assert.Contains(pattern, ignored));
    }

    [Fact]
    public void Compose_is_single_tenant_requires_authentication_and_serves_the_bot_over_https_only()
    {
        var compose = File.ReadAllText(Path.Combine(Repository, "deploy", "compose.yaml"));
        var caddyfile = File.ReadAllText(Path.Combine(Repository, "deploy", "Caddyfile"));

        Assert.Contains("MicrosoftAppType: \"${MICROSOFT_APP_TYPE:-SingleTenant}\"", ComposeEnvironment(compose));
        Assert.Contains("MicrosoftAppId: \"${MICROSOFT_APP_ID:?", ComposeEnvironment(compose));
        Assert.Contains("MicrosoftAppPassword: \"${MICROSOFT_APP_PASSWORD:?", ComposeEnvironment(compose));
        Assert.Contains("MicrosoftAppTenantId: \"${MICROSOFT_APP_TENANT_ID:?", ComposeEnvironment(compose));
        Assert.DoesNotContain("ports:", ServiceBlock(compose, "artbot"));
        Assert.Contains("\"443:443\"", ServiceBlock(compose, "caddy"));
        Assert.Contains("reverse_proxy artbot:3978", caddyfile);
        Assert.Contains("{$ARTBOT_PUBLIC_HOST}", caddyfile);
    }

    [Fact]
    public void Holds_no_secret()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository, "deploy"), "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotMatch(@"(?i)(password|secret)""?\s*[:=]\s*""[A-Za-z0-9~_.-]{20,}""", text);
        }
    }

    private static HashSet<string> Settings(JObject settings)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var token in settings.Descendants().OfType<JProperty>())
        {
            keys.Add(token.Path.Replace('.', ':'));
        }
        return keys;
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ArtBot.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("ArtBot.sln was not found above the test's folder.");
    }

    /// <summary>The lines of the bot service's <c>environment:</c> block in the compose file.</summary>
    private static string ComposeEnvironment(string compose)
    {
        var lines = compose.Split('\n');
        var start = Array.FindIndex(lines, Array.FindIndex(lines, line => line.TrimEnd() == "  artbot:"), line => line.Trim() == "environment:");
        var indent = lines[start].Length - lines[start].TrimStart().Length;
        return string.Join('\n', lines.Skip(start + 1).TakeWhile(line => line.Trim().Length == 0 || line.Trim().StartsWith('#') || line.Length - line.TrimStart().Length > indent));
    }

    /// <summary>A compose service's lines, up to the next service.</summary>
    private static string ServiceBlock(string compose, string service)
    {
        var lines = compose.Split('\n');
        var start = Array.FindIndex(lines, line => line.TrimEnd() == $"  {service}:");
        return string.Join('\n', lines.Skip(start + 1).TakeWhile(line => line.Trim().Length == 0 || line.StartsWith("    ", StringComparison.Ordinal)));
    }

    /// <summary>An environment variable in compose: <c>Name: "…"</c>.</summary>
    [GeneratedRegex(@"(?m)^\s+(?<name>[A-Za-z][A-Za-z0-9_]*):\s")]
    private static partial Regex ComposeSetting();

    /// <summary>An environment variable of the container in Bicep: <c>{ name: 'Name', value: … }</c>.</summary>
    [GeneratedRegex(@"\{\s*name:\s*'(?<name>[^']+)',\s*(value|secretRef):")]
    private static partial Regex BicepSetting();
}
