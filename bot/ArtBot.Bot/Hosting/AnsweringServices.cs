using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ArtBot.Bot.Answering;
using ArtBot.Bot.Clinic;
using ArtBot.Bot.Turns;
using ArtBot.Bot.Unanswered;

namespace ArtBot.Bot.Hosting;

public static class AnsweringServices
{
    public static IHostApplicationBuilder AddAnswering(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.Section).ValidateDataAnnotations()
            .Validate<IConfiguration>((clinic, configuration) => clinic.PhoneLink() is not null || Hardening.ActivityRequestCheck.AuthenticationIsOff(configuration), ClinicOptions.PhoneNeededLive)
            .ValidateOnStart();
        builder.Services.AddHostedService<MissingPhoneWarning>();
        builder.Services.AddSingleton(services => OpeningHours.Of(
            services.GetRequiredService<IOptions<ClinicOptions>>().Value, services.GetRequiredService<IOptions<Staff.StaffOptions>>().Value));
        builder.Services.AddOptions<AnsweringOptions>().BindConfiguration(AnsweringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<UnansweredQuestionsOptions>().BindConfiguration(UnansweredQuestionsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<QuestionAnswerer>();
        builder.Services.AddSingleton<AnswerFeedback>();
        builder.Services.AddSingleton<SafetyReplies>();
        return builder;
    }
}
