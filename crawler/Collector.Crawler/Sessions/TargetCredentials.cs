using System.Text;

namespace Collector.Crawler.Sessions;

/// <summary>
/// A user and password written into a target URL (http://user:pass@host/): used for the requests to that host and port
/// (HTTP Basic, never sent to another host, redacted from every recorded exchange), and stripped from every URL the
/// crawl stores, queues or logs.
/// </summary>
public static class TargetCredentials
{
    /// <summary>The Authorization header value for each host:port whose target URL carries credentials.</summary>
    public static IReadOnlyDictionary<string, string> From(IEnumerable<Uri> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var byAuthority = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in targets.Where(t => t.UserInfo.Length > 0))
        {
            var parts = target.UserInfo.Split(':', 2);
            var pair = Uri.UnescapeDataString(parts[0]) + ":" + (parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
            byAuthority[target.Authority] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
        }

        return byAuthority;
    }

    /// <summary>The URL without its user and password.</summary>
    public static Uri Strip(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.UserInfo.Length == 0 ? url : new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri;
    }
}
