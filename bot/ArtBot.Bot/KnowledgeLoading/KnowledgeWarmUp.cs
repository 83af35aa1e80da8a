using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Languages;
using ArtBot.Knowledge.Safety;

namespace ArtBot.Bot.KnowledgeLoading;

/// <summary>
/// Loads the knowledge base and the model while the app starts, so a broken file stops start-up
/// instead of the first visitor's question, and the first answer does not pay for loading.
/// </summary>
public sealed class KnowledgeWarmUp(IIntentClassifier classifier, SafetyScreen safety, LanguageGate languages) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        const string question = "does active release therapy hurt when the therapist works on my shoulder";
        safety.Screen(question);
        classifier.Classify(question);
        languages.WarmUp();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
