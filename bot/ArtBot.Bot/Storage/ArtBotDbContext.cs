using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ArtBot.Bot.Storage;

/// <summary>
/// The one model of what ArtBot keeps. Each provider has a subclass with its own migrations
/// (<see cref="Sqlite.SqliteArtBotContext"/>, <see cref="PostgreSql.PostgreSqlArtBotContext"/>) and says how it
/// reports a duplicate key and what it does after a delete. Tables and columns are snake_case on both.
/// </summary>
public abstract class ArtBotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<BotStateRecord> BotState => Set<BotStateRecord>();
    public DbSet<ConsultRequestRecord> ConsultRequests => Set<ConsultRequestRecord>();
    public DbSet<StaffTicketRecord> StaffTickets => Set<StaffTicketRecord>();
    public DbSet<StaffOutboxRecord> StaffOutbox => Set<StaffOutboxRecord>();
    public DbSet<StaffChannelRecord> StaffChannels => Set<StaffChannelRecord>();
    public DbSet<StaffCardCopyRecord> StaffCardCopies => Set<StaffCardCopyRecord>();
    public DbSet<UnansweredQuestionRecord> UnansweredQuestions => Set<UnansweredQuestionRecord>();
    public DbSet<ReviewedUtteranceRecord> ReviewedUtterances => Set<ReviewedUtteranceRecord>();
    public DbSet<DailyCountRecord> DailyCounts => Set<DailyCountRecord>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();
    public DbSet<BackgroundLeaseRecord> BackgroundLeases => Set<BackgroundLeaseRecord>();
    public DbSet<ReadinessProbeRecord> ReadinessProbes => Set<ReadinessProbeRecord>();

    /// <summary>Whether a failed save broke a unique index (another instance or turn stored the same key first).</summary>
    public abstract bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>Runs after rows with personal details are deleted, so nothing of them can be read back from the files.</summary>
    public virtual Task AfterDeleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Brings the database to the current schema (creating it if needed) before the first request.</summary>
    public virtual Task MigrateAsync(CancellationToken cancellationToken) => Database.MigrateAsync(cancellationToken);

    /// <summary>Every time is kept in UTC and read back as UTC, whatever the provider's own notion of a time zone.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcTimeConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BotStateRecord>(state =>
        {
            state.ToTable("bot_state");
            state.HasKey(row => row.Key);
            state.Property(row => row.ETag).IsConcurrencyToken();
            state.HasIndex(row => row.UpdatedAt);
        });
        modelBuilder.Entity<ConsultRequestRecord>(request =>
        {
            request.ToTable("consult_requests", table => table.HasCheckConstraint("ck_consult_requests_contact", "phone IS NOT NULL OR email IS NOT NULL"));
            request.HasIndex(row => row.BookingId).IsUnique();
            request.HasIndex(row => row.Reference).IsUnique();
            request.HasIndex(row => row.RequesterKey);
            request.HasIndex(row => row.ConversationKey);
            request.HasIndex(row => row.CreatedAt);
        });
        modelBuilder.Entity<StaffTicketRecord>(ticket =>
        {
            ticket.ToTable("staff_tickets");
            ticket.HasIndex(row => row.Reference).IsUnique();
            ticket.HasIndex(row => new { row.Status, row.CreatedAt });
            ticket.Property(row => row.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<StaffOutboxRecord>(entry =>
        {
            entry.ToTable("staff_outbox");
            entry.HasIndex(row => new { row.SentAt, row.DueAt });
        });
        modelBuilder.Entity<StaffCardCopyRecord>(copy =>
        {
            copy.ToTable("staff_card_copies");
            copy.HasIndex(row => new { row.Reference, row.ConversationId, row.ActivityId }).IsUnique();
        });
        modelBuilder.Entity<StaffChannelRecord>(channel =>
        {
            channel.ToTable("staff_channel");
            channel.Property(row => row.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<UnansweredQuestionRecord>(question =>
        {
            question.ToTable("unanswered_questions");
            question.HasIndex(row => row.ConversationKey);
        });
        modelBuilder.Entity<ReviewedUtteranceRecord>(utterance =>
        {
            utterance.ToTable("reviewed_utterances");
            utterance.HasIndex(row => new { row.Intent, row.Text }).IsUnique();
        });
        modelBuilder.Entity<DailyCountRecord>(count =>
        {
            count.ToTable("daily_counts");
            count.HasKey(row => new { row.Day, row.Metric, row.Key });
        });
        modelBuilder.Entity<DataProtectionKeyRecord>(key =>
        {
            key.ToTable("data_protection_keys");
            key.HasKey(row => row.FriendlyName);
        });
        modelBuilder.Entity<BackgroundLeaseRecord>(lease =>
        {
            lease.ToTable("background_leases");
            lease.HasKey(row => row.Name);
        });
        modelBuilder.Entity<ReadinessProbeRecord>(probe =>
        {
            probe.ToTable("readiness_probe");
            probe.Property(row => row.Id).ValueGeneratedNever();
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join("_", index.Properties.Select(property => SnakeCase(property.Name)))}");
            }
            entity.FindPrimaryKey()?.SetName($"pk_{entity.GetTableName()}");
        }
    }

    private sealed class UtcTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        time => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc),
        stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    private static string SnakeCase(string name)
    {
        var snake = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                snake.Append('_');
            }
            snake.Append(char.ToLowerInvariant(name[i]));
        }
        return snake.ToString();
    }
}
