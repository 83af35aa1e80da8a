using ArtBot.TeamsApp;

const string Usage = """
    Usage: dotnet run --project deploy/teams/ArtBot.TeamsPackage -- --app-id <guid> --host <bot host> --clinic <name>
             --website <url> --privacy <url> --terms <url> [--out <zip>]
    Writes the Teams app package: deploy/teams/manifest.json filled in, zipped with its icons (default
    deploy/teams/artbot-teams.zip). Upload it in Teams: Apps, Manage your apps, Upload an app.
    """;

string Option(string name, string? fallback = null) =>
    Array.IndexOf(args, name) is var index and >= 0 && index + 1 < args.Length ? args[index + 1] : fallback ?? "";

if (args.Length == 0 || args.Contains("--help"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var template = TeamsPackage.TemplateFolder();
var output = Option("--out", Path.Combine(template, "artbot-teams.zip"));
try
{
    TeamsPackage.Create(template, new TeamsPackage.Values(
        Option("--app-id"), Option("--host"), Option("--clinic"), Option("--website"), Option("--privacy"), Option("--terms")), output);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}
Console.WriteLine($"Wrote {output}: upload it in Teams (Apps, Manage your apps, Upload an app). See deploy/teams/README.md.");
return 0;
