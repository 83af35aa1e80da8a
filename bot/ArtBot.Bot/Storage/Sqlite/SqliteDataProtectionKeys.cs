using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ArtBot.Bot.Storage.Sqlite;

/// <summary>
/// ASP.NET Core Data Protection's keys (which seal the chat's tokens) kept in the database with everything else, so
/// they are backed up with it and outlive a restart or a new container.
/// </summary>
public sealed class SqliteDataProtectionKeys(SqliteDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys ORDER BY friendly_name";
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read())
        {
            keys.Add(XElement.Parse(reader.GetString(0)));
        }
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($name, $xml) ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml";
        command.Parameters.AddWithValue("$name", friendlyName);
        command.Parameters.AddWithValue("$xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
