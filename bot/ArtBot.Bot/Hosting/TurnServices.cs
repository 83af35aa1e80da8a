using ArtBot.Bot.Turns;

namespace ArtBot.Bot.Hosting;

public static class TurnServices
{
    /// <summary>The steps a message goes through; their order is <see cref="TurnPipeline"/>'s.</summary>
    public static IHostApplicationBuilder AddTurnPipeline(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SafetyCheck>();
        builder.Services.AddSingleton<RedFlagStep>();
        builder.Services.AddSingleton<ForgetMeStep>();
        builder.Services.AddSingleton<StaffCommandStep>();
        builder.Services.AddSingleton<StartOverStep>();
        builder.Services.AddSingleton<BookingInProgressStep>();
        builder.Services.AddSingleton<AssessmentStep>();
        builder.Services.AddSingleton<UnreadableMessageStep>();
        builder.Services.AddSingleton<AnsweringStep>();
        builder.Services.AddSingleton<TurnPipeline>();
        return builder;
    }
}
