using ArtBot.Bot.Consult;
using ArtBot.Bot.Privacy;
using Microsoft.Bot.Builder;

namespace ArtBot.Bot.Hosting;

public static class ConsultServices
{
    /// <summary>The consult booking, and the person's rights over what it keeps: "forget me" and retention.</summary>
    public static IHostApplicationBuilder AddConsultBooking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConversationState>();
        builder.Services.AddSingleton<Turns.ConversationMemory>();
        builder.Services.AddSingleton<ConsultFlow>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ConsultRequestQuota>();
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ForgetMe>();
        builder.Services.AddSingleton<RetentionJob>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RetentionJob>());
        return builder;
    }
}
