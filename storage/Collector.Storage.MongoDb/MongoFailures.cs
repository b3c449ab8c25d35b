using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

/// <summary>A database that cannot be reached becomes an <see cref="ArchiveUnavailableException"/> with a clear message.</summary>
internal static class MongoFailures
{
    public static async Task<T> GuardAsync<T>(string description, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (TimeoutException ex)
        {
            throw new ArchiveUnavailableException($"mongodb archive {description}: no server reachable ({FirstLine(ex.Message)})", ex);
        }
        catch (MongoConnectionException ex)
        {
            throw new ArchiveUnavailableException($"mongodb archive {description}: connection failed ({FirstLine(ex.Message)})", ex);
        }
    }

    private static string FirstLine(string s)
    {
        var i = s.IndexOf('\n', StringComparison.Ordinal);
        var line = i < 0 ? s : s[..i];
        return line.Length > 300 ? line[..300] : line;
    }
}
