using ArtBot.Bot.Hardening;
using ArtBot.Bot.Hosting;

StartupFailure.ReportInOneLine();

var builder = WebApplication.CreateBuilder(args);

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
