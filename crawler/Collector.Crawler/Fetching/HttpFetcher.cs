using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Collector.Configuration;
using Collector.Crawler.Sessions;
using Collector.Model;

namespace Collector.Crawler.Fetching;

/// <summary>
/// Plain HTTP: one GET per hop, redirects followed here (each hop recorded, loops and too many hops refused), the body
/// read up to the size cap, decoded with the detected charset. Status codes that mean "later" (429, 503, other 5xx,
/// 408) come back as <see cref="FetchErrorAction.Retry"/> errors carrying Retry-After; everything else is a result.
/// </summary>
public sealed class HttpFetcher(IHttpClientFactory clients, ProxyClients proxies, CrawlerOptions options, TimeProvider time) : IFetcher
{
    /// <summary>The named HttpClient (registered by AddCollectorCrawler).</summary>
    public const string ClientName = "collector";

    /// <summary>The named HttpClient that never reuses a connection, for hosts that close after each response.</summary>
    public const string UnpooledClientName = "collector-unpooled";

    private readonly string _userAgent = UserAgents.Build(options);

    /// <summary>
    /// Hosts that answered HTTP/1.0 without keep-alive: they close the connection after each response, which the
    /// pooled handler does not assume (it would send the next request down the closed connection and get nothing
    /// back), so requests to them ask for the close themselves and go through a handler that never reuses a connection.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _closingHosts = new(StringComparer.OrdinalIgnoreCase);

    public RenderMode Mode => RenderMode.Http;

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var exchanges = new List<HttpExchange>(1);
        var visited = new HashSet<string>(StringComparer.Ordinal) { request.Url.AbsoluteUri };
        var url = request.Url;
        for (var hop = 0; ; hop++)
        {
            using var message = BuildRequest(request, url);
            var client = request.Proxy is not null ? proxies.For(request.Proxy)
                : clients.CreateClient(_closingHosts.ContainsKey(url.Authority) ? UnpooledClientName : ClientName);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException e) when (Safety.AddressRefusedException.In(e) is { } refused)
            {
                return Failed(request, url, exchanges, FetchError.GiveUp(refused.Message), exchanges.Count > 0 ? exchanges[^1].Status : null);
            }
            catch (HttpRequestException e)
            {
                return Failed(request, url, exchanges, FetchError.Retry($"connection failed: {e.Message}{(e.InnerException is { } inner ? " (" + inner.Message + ")" : "")}"));
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Failed(request, url, exchanges, FetchError.Retry($"no response within {client.Timeout.TotalSeconds:0} s"));
            }

            using (response)
            {
                NoteConnectionHandling(url, response);
                var at = time.GetUtcNow();
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    exchanges.Add(Exchange(message, response, url, at, null, null));
                    var next = new Uri(url, location);
                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                    {
                        return Failed(request, url, exchanges, FetchError.GiveUp($"redirect to a non-HTTP URL: {next.Scheme}:"));
                    }

                    if (!visited.Add(next.AbsoluteUri))
                    {
                        return Failed(request, url, exchanges, FetchError.GiveUp($"redirect loop at {next.AbsoluteUri}"), status);
                    }

                    if (hop + 1 > options.MaxRedirects)
                    {
                        return Failed(request, url, exchanges, FetchError.GiveUp($"more than {options.MaxRedirects} redirects"), status);
                    }

                    url = next;
                    continue;
                }

                return await ReadAsync(request, message, response, url, at, exchanges, cancellationToken);
            }
        }
    }

    private async Task<FetchResult> ReadAsync(
        FetchRequest request, HttpRequestMessage message, HttpResponseMessage response, Uri url, DateTimeOffset at,
        List<HttpExchange> exchanges, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var cap = request.MaxBytes ?? options.MaxBodyBytes;
        var declared = response.Content.Headers.ContentLength;
        if (declared > cap)
        {
            exchanges.Add(Exchange(message, response, url, at, null, null));
            return Failed(request, url, exchanges, FetchError.GiveUp($"body of {declared} bytes is over the {cap}-byte cap"), status);
        }

        byte[] body;
        try
        {
            body = await ReadCappedAsync(response.Content, cap, cancellationToken);
        }
        catch (BodyTooLargeException)
        {
            exchanges.Add(Exchange(message, response, url, at, null, null));
            return Failed(request, url, exchanges, FetchError.GiveUp($"body over the {cap}-byte cap"), status);
        }
        catch (Exception e) when (e is IOException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            exchanges.Add(Exchange(message, response, url, at, null, null));
            return Failed(request, url, exchanges, FetchError.Retry($"connection lost while reading the body: {e.Message}"), status);
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var sha = Convert.ToHexStringLower(SHA256.HashData(body));
        exchanges.Add(Exchange(message, response, url, at, sha, mediaType));
        var headers = Headers(response);
        var result = new FetchResult
        {
            RequestUrl = request.Url,
            FinalUrl = url,
            Status = status,
            FetchedAt = at,
            ResponseHeaders = headers,
            Body = body,
            ContentType = mediaType,
            Text = Charsets.IsText(mediaType) ? Charsets.Decode(body, response.Content.Headers.ContentType?.CharSet) : null,
            Exchanges = exchanges,
        };
        return status switch
        {
            429 => result with { Error = FetchError.Retry("429 Too Many Requests", RetryAfter(response)) },
            503 => result with { Error = FetchError.Retry("503 Service Unavailable", RetryAfter(response)) },
            408 or 500 or 502 or 504 or 520 or 521 or 522 or 523 or 524 => result with { Error = FetchError.Retry($"{status} from the server") },
            _ => result,
        };
    }

    private void NoteConnectionHandling(Uri url, HttpResponseMessage response)
    {
        if (response.Version == HttpVersion.Version10
            && !response.Headers.Connection.Contains("keep-alive", StringComparer.OrdinalIgnoreCase)
            && !_closingHosts.ContainsKey(url.Authority))
        {
            _closingHosts[url.Authority] = true;
        }
    }

    private HttpRequestMessage BuildRequest(FetchRequest request, Uri url)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url) { Version = HttpVersion.Version11 };
        if (_closingHosts.ContainsKey(url.Authority))
        {
            message.Headers.ConnectionClose = true;
        }

        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        message.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8");
        message.Headers.TryAddWithoutValidation("Accept-Language", "en;q=0.9,*;q=0.5");
        if (CookieHeader.For(url, request.Cookies, time.GetUtcNow()) is { } cookie)
        {
            message.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        foreach (var header in request.Headers)
        {
            // a token or cookie the caller gave is for the request's own origin: a redirect to another host, port or
            // scheme (an API answering with a link elsewhere, an https page sent to http) goes on without it, as in a browser
            if (SecretHeaders.MayGo(header.Key, url, request.Url))
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (request.Credentials is { } credentials && string.Equals(credentials.Key, url.Authority, StringComparison.OrdinalIgnoreCase))
        {
            message.Headers.TryAddWithoutValidation("Authorization", credentials.Value);
        }

        return message;
    }

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, long cap, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var memory = new MemoryStream(content.Headers.ContentLength is { } n and < int.MaxValue ? (int)n : 64 * 1024);
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (memory.Length + read > cap)
                {
                    throw new BodyTooLargeException();
                }

                memory.Write(buffer, 0, read);
            }

            return memory.Length == memory.Capacity ? memory.GetBuffer() : memory.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static List<KeyValuePair<string, string>> Headers(HttpResponseMessage response)
    {
        var list = new List<KeyValuePair<string, string>>(16);
        Add(response.Headers);
        Add(response.Content.Headers);
        return list;

        void Add(HttpHeaders headers)
        {
            foreach (var header in headers.NonValidated)
            {
                foreach (var value in header.Value)
                {
                    list.Add(new(header.Key, value));
                }
            }
        }
    }

    private static HttpExchange Exchange(HttpRequestMessage message, HttpResponseMessage response, Uri url, DateTimeOffset at, string? sha, string? contentType)
    {
        var requestHeaders = new List<KeyValuePair<string, string>>(4);
        foreach (var header in message.Headers.NonValidated)
        {
            foreach (var value in header.Value)
            {
                requestHeaders.Add(new(header.Key, value));
            }
        }

        return new HttpExchange
        {
            Url = url.AbsoluteUri,
            Method = message.Method.Method,
            Status = (int)response.StatusCode,
            StatusText = response.ReasonPhrase,
            RequestHeaders = SecretHeaders.Redact(requestHeaders),
            ResponseHeaders = SecretHeaders.Redact(Headers(response)),
            BodySha256 = sha,
            ContentType = contentType,
            At = at,
        };
    }

    private FetchResult Failed(FetchRequest request, Uri url, List<HttpExchange> exchanges, FetchError error, int? status = null) => new()
    {
        RequestUrl = request.Url,
        FinalUrl = url,
        Status = status,
        FetchedAt = time.GetUtcNow(),
        Exchanges = exchanges,
        Error = error,
    };

    private sealed class BodyTooLargeException : Exception;
}
