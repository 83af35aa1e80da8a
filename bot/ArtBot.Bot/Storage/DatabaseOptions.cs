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

    /// <summary>
    /// PostgreSQL only: the role <c>migrate</c> creates (or updates) for the serving bot, with rights on rows alone
    /// (<see cref="PostgreSql.BotRole"/>), and its password. Empty: <c>migrate</c> leaves roles alone.
    /// </summary>
    public string? BotRole { get; set; }

    public string? BotRolePassword { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.PostgreSQL && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Database:Provider is PostgreSQL but ConnectionStrings:ArtBot is not set.", [nameof(ConnectionString)]);
        }
        if (!string.IsNullOrEmpty(BotRole))
        {
            if (Provider != DatabaseProvider.PostgreSQL)
            {
                yield return new ValidationResult("Database:BotRole is for PostgreSQL; SQLite has no roles.", [nameof(BotRole)]);
            }
            if (!System.Text.RegularExpressions.Regex.IsMatch(BotRole, "^[a-z_][a-z0-9_]{0,62}$"))
            {
                yield return new ValidationResult("Database:BotRole must be a lower-case PostgreSQL name: letters, digits and underscores.", [nameof(BotRole)]);
            }
            if (string.IsNullOrEmpty(BotRolePassword) || BotRolePassword.Length < 16)
            {
                yield return new ValidationResult("Database:BotRolePassword must be set, at least 16 characters, when Database:BotRole is.", [nameof(BotRolePassword)]);
            }
        }
    }
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}
