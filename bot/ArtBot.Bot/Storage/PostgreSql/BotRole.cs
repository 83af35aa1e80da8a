using Npgsql;

namespace ArtBot.Bot.Storage.PostgreSql;

/// <summary>
/// The role the serving bot connects as in production: it reads and writes rows and nothing more, so a flaw in the bot
/// cannot drop a table, change the schema or read another database. <c>ArtBot.Bot migrate</c>, run with the
/// administrator's connection before the bot starts (an init container in the Azure template), creates it or resets its
/// password, and grants it the tables as they are after the migrations.
/// </summary>
public static class BotRole
{
    public static async Task EnsureAsync(string administratorConnectionString, string role, string password, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(administratorConnectionString);
        await connection.OpenAsync(cancellationToken);
        var exists = await ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = @role)", role, password, cancellationToken);
        // Role names and passwords cannot be query parameters here: PostgreSQL quotes them itself, with format().
        var statements = new[]
        {
            exists
                ? "SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD %L', @role, @password)"
                : "SELECT format('CREATE ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD %L', @role, @password)",
            "SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), @role)",
            "SELECT format('GRANT USAGE ON SCHEMA public TO %I', @role)",
            "SELECT format('REVOKE CREATE ON SCHEMA public FROM PUBLIC, %I', @role)",
            "SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', @role)",
            "SELECT format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', @role)",
        };
        foreach (var statement in statements)
        {
            var sql = await ScalarAsync<string>(connection, statement, role, password, cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, string role, string password, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("role", role);
        if (sql.Contains("@password", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("password", password);
        }
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
