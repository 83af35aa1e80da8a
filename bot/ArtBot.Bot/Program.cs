using ArtBot.Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddKnowledge();
builder.AddAnswering();
builder.AddConsultBooking();
builder.AddBotFramework();

var app = builder.Build();

app.MapBotEndpoints();

app.Run();

public partial class Program;
