using ArtBot.Bench;

// Figures for the issue notes; run with -c Release on an otherwise idle machine.
Console.WriteLine($"ArtBot bench, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
ClassificationBench.Run(rounds: 20_000);
await BotProcessBench.RunAsync(requests: 3_000, concurrency: 8, bookings: 200);
