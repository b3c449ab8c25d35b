using System.Globalization;
using System.Security.Cryptography;
using Collector.Crawler.Fetching;
using Collector.Crawler.Sessions;
using Collector.Model;
using Microsoft.Playwright;

namespace Collector.Crawler.Browser;

/// <summary>
/// Records what one page load fetched: every response as an <see cref="HttpExchange"/> (for WARC) and the bodies of the
/// JSON responses (for the parser: feeds that virtualize their DOM are read from these). One recorder per capture;
/// the page's events are routed to it only while the capture runs.
/// </summary>
public sealed class NetworkRecorder
{
    private readonly Lock _sync = new();
    private readonly IFrame _mainFrame;
    private readonly TimeProvider _time;
    private readonly long _maxBodyBytes;
    private readonly HashSet<string> _extraSecretHeaders;
    private readonly List<Entry> _entries = [];
    private readonly HashSet<IRequest> _inFlight = [];
    private bool _armed;
    private long _scriptActivity;

    /// <param name="extraSecretHeaders">Headers the request added (e.g. an API key): never recorded either.</param>
    public NetworkRecorder(IFrame mainFrame, TimeProvider time, long maxBodyBytes, IEnumerable<string> extraSecretHeaders)
    {
        _extraSecretHeaders = new HashSet<string>(extraSecretHeaders, StringComparer.OrdinalIgnoreCase);
        _mainFrame = mainFrame;
        _time = time;
        _maxBodyBytes = maxBodyBytes;
    }

    /// <summary>When the main document's (last) response arrived, or null before it did.</summary>
    public DateTimeOffset? MainResponseAt { get; private set; }

    /// <summary>The main document's (last) response, once it arrived.</summary>
    public IResponse? MainResponse { get; private set; }

    /// <summary>XHR/fetch requests of this page still waiting for their response.</summary>
    public int InFlightScriptRequests
    {
        get
        {
            lock (_sync)
            {
                return _inFlight.Count;
            }
        }
    }

    /// <summary>Counts XHR/fetch requests started and finished: unchanged over a while means the page's data traffic was idle.</summary>
    public long ScriptActivity => Interlocked.Read(ref _scriptActivity);

    public void OnRequest(IRequest request)
    {
        if (request.ResourceType is not ("xhr" or "fetch"))
        {
            return;
        }

        lock (_sync)
        {
            if (_armed)
            {
                _inFlight.Add(request);
                _scriptActivity++;
            }
        }
    }

    public void OnRequestDone(IRequest request)
    {
        lock (_sync)
        {
            if (_inFlight.Remove(request))
            {
                _scriptActivity++;
            }
        }
    }

    public void OnResponse(IResponse response)
    {
        var request = response.Request;
        var isDocument = IsMainDocument(request);
        lock (_sync)
        {
            // A reused page: responses of the previous document arriving before this navigation's own are not ours.
            if (!_armed && !isDocument)
            {
                return;
            }

            _armed = true;
        }

        var at = _time.GetUtcNow();
        if (isDocument)
        {
            MainResponseAt = at;
            MainResponse = response;
        }

        var contentType = Header(response.Headers, "content-type");
        Task<byte[]?>? body = null;
        if (!isDocument && (IsJson(contentType) || IsImage(contentType) || IsSubresource(contentType)) && response.Status is >= 200 and < 300 && !TooLarge(response.Headers))
        {
            body = ReadBodyAsync(response);
        }

        var entry = new Entry(
            response.Url,
            request.Method,
            response.Status,
            response.StatusText,
            Clean(request.Headers),
            Clean(response.Headers),
            contentType,
            at,
            isDocument,
            body,
            RequestBodyOf(request));
        lock (_sync)
        {
            _entries.Add(entry);
        }
    }

    /// <summary>
    /// Waits for the bodies still downloading and returns the exchanges (main document chain first), the JSON responses
    /// (for the parser), and the images, stylesheets and scripts the page loaded (kept, so that a replay of the capture
    /// shows the page as it was).
    /// </summary>
    public async Task<(IReadOnlyList<HttpExchange> Exchanges, IReadOnlyList<CapturedResponse> Network, IReadOnlyList<CapturedResponse> Images, IReadOnlyList<CapturedResponse> Subresources)> CompleteAsync(
        ReadOnlyMemory<byte> documentBody, CancellationToken cancellationToken)
    {
        Entry[] entries;
        lock (_sync)
        {
            entries = [.. _entries];
        }

        var documentSha = documentBody.IsEmpty ? null : Sha256(documentBody.Span);
        var lastDocument = Array.FindLastIndex(entries, e => e.IsDocument);
        var exchanges = new List<HttpExchange>(entries.Length);
        var network = new List<CapturedResponse>();
        var images = new List<CapturedResponse>();
        var subresources = new List<CapturedResponse>();
        foreach (var entry in entries.Where(e => e.IsDocument).Concat(entries.Where(e => !e.IsDocument)))
        {
            byte[]? bytes = null;
            if (entry.Body is not null)
            {
                bytes = await entry.Body.WaitAsync(cancellationToken);
            }

            string? sha = null;
            if (bytes is not null)
            {
                sha = Sha256(bytes);
                (IsJson(entry.ContentType) ? network : IsImage(entry.ContentType) ? images : subresources)
                    .Add(new CapturedResponse(entry.Url, entry.Status, MediaType(entry.ContentType), entry.ResponseHeaders, bytes));
            }
            else if (entry.IsDocument && ReferenceEquals(entry, entries[lastDocument]))
            {
                sha = documentSha;
            }

            exchanges.Add(new HttpExchange
            {
                Url = entry.Url,
                Method = entry.Method,
                Status = entry.Status,
                StatusText = entry.StatusText,
                RequestHeaders = entry.RequestHeaders,
                ResponseHeaders = entry.ResponseHeaders,
                ContentType = entry.ContentType,
                BodySha256 = sha,
                RequestBody = entry.RequestBody,
                At = entry.At,
            });
        }

        return (exchanges, network, images, subresources);
    }

    /// <summary>application/json, text/json, application/ld+json, application/x-json and the like.</summary>
    public static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Contains("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>text/css, and scripts: text/javascript, application/javascript, application/x-javascript, application/ecmascript.</summary>
    public static bool IsSubresource(string? contentType) =>
        MediaType(contentType) is "text/css" or "text/javascript" or "application/javascript" or "application/x-javascript" or "application/ecmascript" or "text/ecmascript";

    /// <summary>image/png, image/jpeg, image/webp, image/svg+xml and the like.</summary>
    public static bool IsImage(string? contentType) =>
        contentType is not null && contentType.TrimStart().StartsWith("image/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The media type without parameters ("text/html; charset=utf-8" becomes "text/html").</summary>
    public static string? MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().ToLowerInvariant();
    }

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private bool IsMainDocument(IRequest request)
    {
        try
        {
            return request.IsNavigationRequest && ReferenceEquals(request.Frame, _mainFrame);
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    private bool TooLarge(Dictionary<string, string> headers) =>
        long.TryParse(Header(headers, "content-length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
        && length > _maxBodyBytes;

    private async Task<byte[]?> ReadBodyAsync(IResponse response)
    {
        try
        {
            var bytes = await response.BodyAsync();
            return bytes.LongLength <= _maxBodyBytes ? bytes : null;
        }
        catch (PlaywrightException)
        {
            // The body was evicted or the page went away first: the exchange is still recorded, without its body.
            return null;
        }
    }

    private static string? Header(Dictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The headers without the secret ones, sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StripSecrets(Dictionary<string, string> headers) => Clean(headers);

    private List<KeyValuePair<string, string>> Clean(Dictionary<string, string> headers) =>
        [.. headers.Where(h => !SecretHeaders.IsSecret(h.Key) && !_extraSecretHeaders.Contains(h.Key)).OrderBy(h => h.Key, StringComparer.Ordinal)];

    private sealed record Entry(
        string Url,
        string Method,
        int Status,
        string StatusText,
        IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
        IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders,
        string? ContentType,
        DateTimeOffset At,
        bool IsDocument,
        Task<byte[]?>? Body,
        byte[]? RequestBody);

    /// <summary>A non-GET request's body (for the WARC request record and replay's index key), up to 1 MiB.</summary>
    private static byte[]? RequestBodyOf(IRequest request)
    {
        if (request.Method is "GET" or "HEAD")
        {
            return null;
        }

        var body = request.PostDataBuffer;
        return body is { Length: > 0 and <= 1 << 20 } ? body : null;
    }
}
