using DuckDB.NET.Data;
using Shodo.Hunting.Sql;

namespace Shodo.Tests.Hunting;

/// <summary>Runs compiled SQL with DuckDB over trail log files laid out as the Athena CloudTrail table.</summary>
public static class DuckDbHunt
{
    public static List<(string RuleId, string EventId)> Run(string glob, string query)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = DuckDbCloudTrailTable.CreateSql(glob);
            create.ExecuteNonQuery();
        }
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
        return rows;
    }
}
