using System.ComponentModel.DataAnnotations;

namespace ArtBot.Bot.Storage;

public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary><see cref="DatabaseProvider.Sqlite"/> (one instance, nothing to install) or <see cref="DatabaseProvider.PostgreSQL"/> (<c>ConnectionStrings:ArtBot</c>).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file, relative to the content root unless absolute; created at start-up.</summary>
    [Required]
    public string SqlitePath { get; set; } = "App_Data/artbot.db";

    /// <summary>PostgreSQL's connection string; bound from <c>ConnectionStrings:ArtBot</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply migrations at start-up (the default). Off in production where <c>ArtBot.Bot migrate</c> runs them once.</summary>
    public bool MigrateAtStartup { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.PostgreSQL && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Database:Provider is PostgreSQL but ConnectionStrings:ArtBot is not set.", [nameof(ConnectionString)]);
        }
    }
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}
