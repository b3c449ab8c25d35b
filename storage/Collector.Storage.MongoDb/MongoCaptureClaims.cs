using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

/// <summary>
/// Who is recording a capture: a worker inserts the claim (unique _id: the capture id) before writing anything of the
/// capture. Another worker that finds the claim waits for the capture document; a claim older than
/// <see cref="Expiry"/> whose capture never appeared belonged to a worker that died, and is taken over.
/// </summary>
internal static class MongoCaptureClaims
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);
    private const int DuplicateKey = 11000;

    /// <summary>True when this worker holds the claim (new, already its own, or taken over from a dead worker).</summary>
    public static async Task<bool> TryClaimAsync(MongoStore m, IClientSessionHandle s, string captureId, string token, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await m.CaptureClaims.InsertOneAsync(s, new CaptureClaimDoc { Id = captureId, Token = token, At = now.UtcTicks }, cancellationToken: ct);
            return true;
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Code == DuplicateKey && !s.IsInTransaction)
        {
            var stale = now.UtcTicks - Expiry.Ticks;
            var taken = await m.CaptureClaims.UpdateOneAsync(s, c => c.Id == captureId && (c.Token == token || c.At < stale),
                Builders<CaptureClaimDoc>.Update.Set(c => c.Token, token).Set(c => c.At, now.UtcTicks), cancellationToken: ct);
            return taken.MatchedCount > 0;
        }
    }
}
