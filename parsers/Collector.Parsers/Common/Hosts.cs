namespace Collector.Parsers.Common;

/// <summary>Host matching for <see cref="IPlatformParser.Handles"/>.</summary>
public static class Hosts
{
    /// <summary>True when the URL's host is one of the domains or a subdomain of one ("old.reddit.com" matches "reddit.com").</summary>
    public static bool IsAny(Uri url, params ReadOnlySpan<string> domains)
    {
        if (!url.IsAbsoluteUri)
        {
            return false;
        }

        string host;
        try
        {
            host = url.IdnHost;
        }
        catch (UriFormatException)
        {
            return false; // a host invalid by IDN rules (Uri accepts it, IdnHost refuses it) is no platform's
        }

        foreach (var domain in domains)
        {
            if (host.Equals(domain, StringComparison.OrdinalIgnoreCase)
                || (host.Length > domain.Length
                    && host.EndsWith(domain, StringComparison.OrdinalIgnoreCase)
                    && host[host.Length - domain.Length - 1] == '.'))
            {
                return true;
            }
        }

        return false;
    }
}
