using System.Collections.Concurrent;
using System.Text.Json;

namespace Collector.Crawler.Browser;

/// <summary>
/// Counts the bytes each response of one capture has delivered to Chromium (DevTools <c>Network.dataReceived</c>, as
/// they stream in) and stops the capture as soon as one passes <c>crawler.maxBodyBytes</c>: a 40 MB page is cut at the
/// cap instead of being downloaded, parsed and painted whole. The caller closes the tab, which cancels the transfer.
/// </summary>
internal sealed class BodyMeter(long cap) : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _received = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _over = new();
    private long _stoppedAt = -1;

    public long Cap => cap;

    /// <summary>Cancelled once a response passes the cap.</summary>
    public CancellationToken Exceeded => _over.Token;

    /// <summary>The bytes the response over the cap had delivered when the capture was stopped, null while none is over.</summary>
    public long? StoppedAt => Interlocked.Read(ref _stoppedAt) is >= 0 and var at ? at : null;

    /// <summary>One <c>Network.dataReceived</c> event: <c>{ requestId, dataLength, encodedDataLength, ... }</c>.</summary>
    public void OnData(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } e
            || !e.TryGetProperty("requestId", out var id) || id.GetString() is not { } requestId
            || !e.TryGetProperty("dataLength", out var length) || !length.TryGetInt64(out var bytes))
        {
            return;
        }

        var total = _received.AddOrUpdate(requestId, bytes, (_, sum) => sum + bytes);
        if (total > cap && Interlocked.CompareExchange(ref _stoppedAt, total, -1) == -1)
        {
            _over.Cancel();
        }
    }

    public void Dispose() => _over.Dispose();
}
