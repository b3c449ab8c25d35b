using Npgsql;

namespace Collector.Cli.Tests;

/// <summary>
/// A database of its own on the PostgreSQL that COLLECTOR_TEST_POSTGRES names, created for one test and dropped after
/// it (with every connection still open to it), so no test sees another's Quartz tables or leaves any behind.
/// </summary>
internal sealed class TemporaryPostgresDatabase : IAsyncDisposable
{
    private readonly string admin;

    private TemporaryPostgresDatabase(string admin, string name)
    {
        this.admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Skips the calling test when COLLECTOR_TEST_POSTGRES is not set.</summary>
    public static async Task<TemporaryPostgresDatabase> CreateAsync(string prefix, CancellationToken cancellationToken)
    {
        var admin = Environment.GetEnvironmentVariable("COLLECTOR_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(admin), "COLLECTOR_TEST_POSTGRES is not set: no PostgreSQL for this test (tests/run.sh sets it up)");
        var database = new TemporaryPostgresDatabase(admin!, $"{prefix}_{Guid.NewGuid():n}");
        await database.ExecuteAsync($"CREATE DATABASE {database.Name}", cancellationToken);
        return database;
    }

    /// <summary>True while the database exists (a test of the clean-up itself asks).</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", Name);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", CancellationToken.None);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
