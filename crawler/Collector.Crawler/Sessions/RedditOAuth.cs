using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Collector.Crawler.Sessions;

/// <summary>Reddit API app credentials (client id and secret: read from the environment by the application, never from config files).</summary>
public sealed record RedditCredentials(string ClientId, string ClientSecret)
{
    public Uri TokenEndpoint { get; init; } = new("https://www.reddit.com/api/v1/access_token");

    /// <summary>Where API requests go instead of www.reddit.com.</summary>
    public Uri ApiBase { get; init; } = new("https://oauth.reddit.com/");

    /// <summary>From COLLECTOR_REDDIT_CLIENT_ID / COLLECTOR_REDDIT_CLIENT_SECRET in the given environment; null when either is missing.</summary>
    public static RedditCredentials? FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var id = getVariable("COLLECTOR_REDDIT_CLIENT_ID");
        var secret = getVariable("COLLECTOR_REDDIT_CLIENT_SECRET");
        return string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(secret) ? null : new RedditCredentials(id, secret);
    }

    public override string ToString() => $"RedditCredentials {{ ClientId = {ClientId}, ClientSecret = [redacted] }}";
}

/// <summary>
/// Reddit's official API (application-only OAuth, client_credentials grant): a bearer token fetched from the token
/// endpoint and renewed a minute before it expires; reddit.com URLs rewritten to the oauth.reddit.com API host.
/// Without credentials the crawl uses the public .json endpoints instead.
/// </summary>
public sealed class RedditOAuth(RedditCredentials credentials, HttpClient client, TimeProvider time, string userAgent) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    public static bool IsRedditUrl(Uri url) =>
        url.Host.Equals("reddit.com", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith(".reddit.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>The API URL for a reddit.com page URL: same path and query on the API host, without the ".json" suffix.</summary>
    public Uri ApiUrl(Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        var path = pageUrl.AbsolutePath;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^5];
        }

        var query = pageUrl.Query.Length > 1 ? pageUrl.Query[1..] + "&raw_json=1" : "raw_json=1";
        return new UriBuilder(credentials.ApiBase) { Path = path, Query = query }.Uri;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The token endpoint and the API host: configured like a target, so exempt from the address guard like one.</summary>
    public IReadOnlyList<Uri> Endpoints => [credentials.TokenEndpoint, credentials.ApiBase];

    /// <summary>A valid bearer token, fetched or renewed when needed.</summary>
    public async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && time.GetUtcNow() < _expires)
            {
                return _token;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, credentials.TokenEndpoint)
            {
                Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.ClientId}:{credentials.ClientSecret}")));
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new RedditAuthException($"Reddit token endpoint answered {(int)response.StatusCode}: check COLLECTOR_REDDIT_CLIENT_ID/SECRET");
            }

            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } value)
            {
                throw new RedditAuthException("Reddit token endpoint gave no access_token");
            }

            var lifetime = doc.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? TimeSpan.FromSeconds(s) : TimeSpan.FromHours(1);
            _token = value;
            _expires = time.GetUtcNow() + lifetime - TimeSpan.FromMinutes(1);
            return value;
        }
        catch (JsonException e)
        {
            throw new RedditAuthException($"Reddit token endpoint gave no JSON: {e.Message}");
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>The credentials were refused: nothing more will work in this run.</summary>
public sealed class RedditAuthException(string message) : Exception(message);
