using ArtBot.Bot.Hardening;
using ArtBot.Bot.Hosting;

StartupFailure.ReportInOneLine();

// Settings are read once, at start-up (a clinic changes them and restarts). Watching appsettings.json for changes would
// watch every folder under the content root: on Linux one inotify watch each, hundreds (bin, obj) when the bot runs
// from its source folder, and again for every app a test starts.
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);

builder.AddKnowledge();
builder.AddAnswering();
builder.AddStorage();
builder.AddConsultBooking();
builder.AddStaff();
builder.AddEmail();
builder.AddTurnPipeline();
builder.AddBotFramework();
builder.AddWebChat();
builder.AddObservability();
builder.AddHostFilteringExceptProbes();
builder.AddForwardedClients();

var app = builder.Build();

if (await app.RunCommandAsync(args))
{
    return;
}

app.UseForwardedClients();
app.UseHostFilteringExceptProbes();
app.UseWebChat();
app.MapBotEndpoints();
app.MapMetrics();

await app.RunAsync();

public partial class Program;
