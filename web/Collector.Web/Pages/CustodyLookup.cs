using Collector.Storage;

namespace Collector.Web.Pages;

/// <summary>Finds the custody entry a capture was sealed by (by index: a capture page does not read the log through).</summary>
public static class CustodyLookup
{
    public static async Task<CustodyEntry?> ForCaptureAsync(IArchive archive, string captureId, CancellationToken ct)
    {
        await foreach (var e in archive.Custody.ReadBySubjectAsync("capture", captureId, ct))
        {
            return e;
        }

        return null;
    }
}
