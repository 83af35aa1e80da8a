namespace ArtBot.Bot.Tests.Hosting;

/// <summary>
/// One app with the default settings for a whole test class (<c>IClassFixture&lt;AppPerTestClass&gt;</c>), for classes
/// whose tests each start their own conversations and count nothing across them.
/// </summary>
public sealed class AppPerTestClass : IDisposable
{
    public ArtBotApplication App { get; } = new();

    public void Dispose() => App.Dispose();
}
