using Microsoft.Bot.Schema;

namespace ArtBot.Bot.Staff;

/// <summary>Posts to the staff channel outside any turn (a booking arrives from Web Chat), through the channel's own Teams service.</summary>
public interface IStaffChannelMessenger
{
    /// <summary>Starts a new thread in the channel with <paramref name="message"/>; returns the thread and the message's id.</summary>
    Task<(string ThreadConversationId, string ActivityId)> StartThreadAsync(StaffChannel channel, Activity message, CancellationToken cancellationToken);

    Task UpdateAsync(StaffChannel channel, string threadConversationId, string activityId, Activity message, CancellationToken cancellationToken);

    Task ReplyAsync(StaffChannel channel, string threadConversationId, Activity message, CancellationToken cancellationToken);
}
