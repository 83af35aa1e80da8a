using Microsoft.Bot.Builder;

namespace ArtBot.Bot.Consult;

/// <summary>
/// Where a person who asks for the free consult is handed over to the clinic. Every way in
/// ("Book a free consult" button, typed requests, the offer after an answer) arrives here.
/// </summary>
public interface IConsultHandoff
{
    Task StartAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
