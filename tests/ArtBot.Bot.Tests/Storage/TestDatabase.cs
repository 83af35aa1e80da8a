using ArtBot.Bot.Hosting;
using ArtBot.Bot.Storage;
using ArtBot.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArtBot.Bot.Tests.Storage;

/// <summary>
/// A migrated, empty database of either provider, made through the app's own <c>AddStorage</c>: a SQLite file in a
/// temporary folder, or a database of its own on the test PostgreSQL (<see cref="PostgresServer"/>). Deleted afterwards.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly IHost _host;

    public TestDatabase(DatabaseProvider provider = DatabaseProvider.Sqlite, TimeProvider? time = null)
        : this(Directory.CreateTempSubdirectory("artbot-db-").FullName, provider, time)
    {
    }

    private TestDatabase(string folder, DatabaseProvider provider, TimeProvider? time)
        : this(SettingsFor(provider, folder), folder, time)
    {
    }

    /// <summary>The database the settings name (made by <see cref="SettingsFor"/>, perhaps filled by the test), migrated.</summary>
    public TestDatabase(Dictionary<string, string?> settings, string folder, TimeProvider? time = null)
    {
        Folder = folder;
        Settings = settings;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Folder });
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.AddStorage();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }
        _host = builder.Build();
        Contexts = _host.Services.GetRequiredService<IDbContextFactory<ArtBotDbContext>>();
        DatabaseMigration.MigrateAsync(Contexts, CancellationToken.None).GetAwaiter().GetResult();
    }

    public static TheoryData<DatabaseProvider> BothProviders => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    public string Folder { get; }

    /// <summary>The settings that point an app at this database.</summary>
    public Dictionary<string, string?> Settings { get; }

    public IDbContextFactory<ArtBotDbContext> Contexts { get; }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>
    /// The settings of a database of its own, with the key certificate every test database shares: making an RSA key
    /// for each would cost a second a test. The certificate the bot makes for itself is tested in KeyProtectionTests.
    /// </summary>
    public static Dictionary<string, string?> SettingsFor(DatabaseProvider provider, string folder)
    {
        Dictionary<string, string?> settings = provider == DatabaseProvider.PostgreSQL
            ? new() { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:ArtBot"] = PostgresServer.CreateDatabase() }
            : new() { ["Database:Provider"] = "Sqlite", ["Database:SqlitePath"] = Path.Combine(folder, "artbot.db") };
        settings["DataProtection:Certificate"] = SharedKeyCertificate.Value;
        return settings;
    }

    private static readonly Lazy<string> SharedKeyCertificate = new(() => NewKeyCertificate());

    /// <summary>A base64 PFX with an RSA key, as the settings give one in production (2048 bits: quicker to make).</summary>
    public static string NewKeyCertificate() => Convert.ToBase64String(ArtBot.Bot.Privacy.KeyCertificate.NewSelfSignedPfx(keySize: 2048));

    /// <summary>Deletes what <see cref="SettingsFor"/> made.</summary>
    public static void Delete(Dictionary<string, string?> settings, string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (settings.TryGetValue("ConnectionStrings:ArtBot", out var connectionString) && connectionString is not null)
        {
            PostgresServer.DropDatabase(connectionString);
        }
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public void Dispose()
    {
        _host.Dispose();
        Delete(Settings, Folder);
    }
}
