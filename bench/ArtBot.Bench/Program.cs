using ArtBot.Bench;
using ArtBot.TestSupport;

// Figures for the issue notes; run with -c Release on an otherwise idle machine.
//   (no argument)  in-process reading costs, start-up and bookings, and the load test beside the echo bot, on SQLite
//                  and on a throwaway PostgreSQL; ARTBOT_BENCH_BASELINE=<another build's ArtBot.Bot.dll> adds it to the table
//   staff          Confirm to the ticket at a (fake) Teams connector, and while the connector refuses calls
//   blind [file]   the frozen blind set, scored from outside (evaluate once per release; never tune on it)
//   safety         the safety screen's time per message
//   load           only the load test beside the echo bot
//   reading        only the in-process reading costs and one whole turn in-process
//   open           tapping the chat button in Chromium: until the placeholder is painted and the chat is usable, on a
//                  desktop connection and on slow 4G (needs /usr/bin/chromium); ARTBOT_BENCH_BASELINE=<dll> measures it first
Console.WriteLine($"ArtBot bench, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
if (args.FirstOrDefault() == "staff")
{
    await StaffTicketBench.RunAsync(bookings: 50);
    return;
}
if (args.FirstOrDefault() == "safety")
{
    SafetyScreenBench.Run(rounds: 2_000);
    return;
}
if (args.FirstOrDefault() == "blind")
{
    await BlindSetBench.RunAsync(args.Length > 1 ? args[1] : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "tests", "Blind", "blind-set.tsv"));
    return;
}
if (args.FirstOrDefault() == "open")
{
    await OpeningBench.RunAsync(runs: 5, Environment.GetEnvironmentVariable("ARTBOT_BENCH_BASELINE"));
    return;
}
if (args.FirstOrDefault() == "load")
{
    await LoadBench.RunAsync(connections: 8, duration: TimeSpan.FromSeconds(15), targetTurnsPerSecond: 250, Environment.GetEnvironmentVariable("ARTBOT_BENCH_BASELINE"));
    return;
}
ClassificationBench.Run(rounds: 2_000);
await InProcessTurnBench.RunAsync(rounds: 1_000);
if (args.FirstOrDefault() == "reading")
{
    return;
}
var scratch = Directory.CreateTempSubdirectory("artbot-bench-").FullName;
await StateStoreBench.RunAsync("SQLite", new() { ["Database:SqlitePath"] = Path.Combine(scratch, "state.db") }, rounds: 5_000);
await StateStoreBench.RunAsync("PostgreSQL", new() { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:ArtBot"] = PostgresServer.CreateDatabase() }, rounds: 5_000);
await BotProcessBench.RunAsync("SQLite", [], bookings: 100);
await BotProcessBench.RunAsync("PostgreSQL", ["--Database:Provider", "PostgreSQL", "--ConnectionStrings:ArtBot", PostgresServer.CreateDatabase()], bookings: 100);
await StaffTicketBench.RunAsync(bookings: 50);
await LoadBench.RunAsync(connections: 8, duration: TimeSpan.FromSeconds(15), targetTurnsPerSecond: 250, Environment.GetEnvironmentVariable("ARTBOT_BENCH_BASELINE"));
