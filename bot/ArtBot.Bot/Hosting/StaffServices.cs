using ArtBot.Bot.Staff;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArtBot.Bot.Hosting;

public static class StaffServices
{
    /// <summary>
    /// The clinic staff's side in Teams: who is staff, the staff channel, ticket cards and their actions, staff
    /// commands, and the poster that sends the outbox of tickets to the channel. (The tickets and the outbox are kept
    /// by <see cref="StorageServices.AddStorage"/>.)
    /// </summary>
    public static IHostApplicationBuilder AddStaff(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<StaffIdentity>();
        builder.Services.AddSingleton<Hardening.OutgoingServiceUrls>();
        builder.Services.AddSingleton<StaffChannelCapture>();
        builder.Services.AddSingleton<TicketCard>();
        builder.Services.AddSingleton<TicketActions>();
        builder.Services.AddSingleton<UnansweredReview>();
        builder.Services.AddSingleton<StaffStats>();
        builder.Services.AddSingleton<StaffCommands>();
        builder.Services.AddSingleton<IStaffChannelMessenger, TeamsStaffChannelMessenger>();
        builder.Services.AddSingleton<StaffTicketPoster>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StaffTicketPoster>());
        builder.Services.AddSingleton<StaffReminders>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StaffReminders>());
        return builder;
    }
}
