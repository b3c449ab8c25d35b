using Collector.Storage;

namespace Collector.Web.Pages;

/// <summary>Finds the custody entry a capture was sealed by (the contract reads the log in order; no index by subject).</summary>
public static class CustodyLookup
{
    public static async Task<CustodyEntry?> ForCaptureAsync(IArchive archive, string captureId, CancellationToken ct)
    {
        await foreach (var e in archive.Custody.ReadAsync(1, ct))
        {
            if (e.Action == "capture" && e.Subject == captureId)
            {
                return e;
            }
        }

        return null;
    }
}
