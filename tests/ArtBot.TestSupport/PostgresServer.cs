using System.Diagnostics;
using Npgsql;

namespace ArtBot.TestSupport;

/// <summary>
/// The PostgreSQL the tests run against: the one named by <c>ARTBOT_TEST_POSTGRES</c> (a connection string, as
/// <c>.ci/run</c> sets it), or else a throwaway cluster started by <c>eng/throwaway-postgres.sh</c> for this test run
/// and stopped when it ends. Each test gets a database of its own.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "ARTBOT_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = "artbot_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(Server.Value))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Server.Value) { Database = name, MaxPoolSize = 20 }.ConnectionString;
    }

    public static void DropDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        using var connection = new NpgsqlConnection(Server.Value);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {builder.Database} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static string StartOrFind()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return given;
        }
        var folder = Path.Combine(Path.GetTempPath(), "artbot-pg-" + Guid.NewGuid().ToString("N"));
        var connectionString = RunScript("start", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunScript("stop", folder);
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return connectionString;
    }

    private static string RunScript(string action, string folder)
    {
        var script = Path.Combine(Repository.Root, "eng", "throwaway-postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, action, folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not {action} a throwaway PostgreSQL ({script}): {error.Trim()}. Set {Variable} to a server's connection string, or install postgresql.");
        }
        return output.Trim();
    }
}
