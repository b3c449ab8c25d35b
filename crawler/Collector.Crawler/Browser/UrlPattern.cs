using System.Text;

namespace Collector.Crawler.Browser;

/// <summary>
/// The shape of a URL, so pages built by the same template share one key: host, then the path with ids and slugs
/// replaced (<c>/r/news/comments/1abc2d/why_this</c> becomes <c>/r/news/comments/{id}/{slug}</c>), then the query's
/// parameter names without their values. <c>https://x.test/post/p17.html?page=2</c> becomes <c>x.test/post/{id}.html?page</c>.
/// </summary>
public static class UrlPattern
{
    public static string Of(Uri url)
    {
        var builder = new StringBuilder(url.Host.ToLowerInvariant());
        if (!url.IsDefaultPort)
        {
            builder.Append(':').Append(url.Port);
        }

        foreach (var segment in url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append('/').Append(Shape(Uri.UnescapeDataString(segment)));
        }

        if (url.AbsolutePath.EndsWith('/') && url.AbsolutePath.Length > 1)
        {
            builder.Append('/');
        }

        var keys = url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (keys.Count > 0)
        {
            builder.Append('?').AppendJoin('&', keys);
        }

        return builder.ToString();
    }

    /// <summary>One path segment: <c>{id}</c> for anything with a digit, <c>{slug}</c> for a title made into words, else as is.</summary>
    private static string Shape(string segment)
    {
        var dot = segment.LastIndexOf('.');
        var extension = dot > 0 && segment.Length - dot <= 5 && segment[(dot + 1)..].All(char.IsAsciiLetter) ? segment[dot..] : "";
        var stem = segment[..(segment.Length - extension.Length)];
        if (stem.Any(char.IsAsciiDigit) && stem.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or ':'))
        {
            return "{id}" + extension;
        }

        var separators = stem.Count(c => c is '-' or '_');
        return separators >= 2 || stem.Length > 40 ? "{slug}" + extension : segment.ToLowerInvariant();
    }
}
