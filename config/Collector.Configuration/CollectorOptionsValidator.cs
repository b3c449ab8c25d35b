using Collector.Model;
using Microsoft.Extensions.Options;

namespace Collector.Configuration;

/// <summary>Checks a configuration's values, listing every failure with its JSON path (not just the first).</summary>
public sealed class CollectorOptionsValidator : IValidateOptions<CollectorOptions>
{
    public ValidateOptionsResult Validate(string? name, CollectorOptions options)
    {
        var errors = Check(options, []).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => e.ToString()));
    }

    /// <summary>Every problem in <paramref name="options"/>; sources already reported by <paramref name="earlier"/> are skipped.</summary>
    public static IEnumerable<ConfigError> Check(CollectorOptions options, IReadOnlyCollection<ConfigError> earlier)
    {
        var storage = options.Storage.Uri;
        if (!storage.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase)
            && !storage.StartsWith("mongodb://", StringComparison.OrdinalIgnoreCase)
            && !storage.StartsWith("mongodb+srv://", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ConfigError("$.storage.uri", $"'{storage}' is not a store URI: use sqlite:PATH or mongodb://…");
        }

        var crawler = options.Crawler;
        if (crawler.MaxConcurrency < 1)
        {
            yield return new ConfigError("$.crawler.maxConcurrency", "must be at least 1");
        }

        if (crawler.PerHostConcurrency < 1)
        {
            yield return new ConfigError("$.crawler.perHostConcurrency", "must be at least 1");
        }

        if (crawler.MaxConnectionsPerHost < 1)
        {
            yield return new ConfigError("$.crawler.maxConnectionsPerHost", "must be at least 1");
        }

        foreach (var error in CrawlerLimits.Check(crawler, options.Scheduler))
        {
            yield return error;
        }

        if (crawler.RequestsPerSecond <= 0 || !double.IsFinite(crawler.RequestsPerSecond))
        {
            yield return new ConfigError("$.crawler.requestsPerSecond", "must be above 0");
        }

        foreach (var (platform, rate) in crawler.PlatformRates)
        {
            if (!Platforms.IsKnown(platform))
            {
                yield return new ConfigError($"$.crawler.platformRates.{platform}", $"unknown platform '{platform}'");
            }

            if (rate <= 0 || !double.IsFinite(rate))
            {
                yield return new ConfigError($"$.crawler.platformRates.{platform}", "must be above 0");
            }
        }

        if (crawler.RequestTimeout <= TimeSpan.Zero)
        {
            yield return new ConfigError("$.crawler.requestTimeout", "must be a positive duration");
        }

        if (crawler.MaxCrawlDelay < TimeSpan.Zero)
        {
            yield return new ConfigError("$.crawler.maxCrawlDelay", "must not be negative");
        }

        if (string.IsNullOrWhiteSpace(crawler.UserAgent) || crawler.UserAgent.Any(char.IsControl))
        {
            // sent as a header: a CR/LF would inject headers of its own
            yield return new ConfigError("$.crawler.userAgent", "must be one non-empty line without control characters");
        }

        if (crawler.Contact is { Length: > 0 } contact && contact.Any(char.IsControl))
        {
            yield return new ConfigError("$.crawler.contact", "must be a single line");
        }

        foreach (var (url, i) in options.Evidence.TimestampAuthorities.Select((u, i) => (u, i)))
        {
            if (!IsHttpUrl(url))
            {
                yield return new ConfigError($"$.evidence.timestampAuthorities[{i}]", $"'{url}' is not an http(s) URL");
            }
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            foreach (var error in CheckSource(options.Sources[i], $"$.sources[{i}]", names))
            {
                if (!earlier.Any(e => e.Path == error.Path))
                {
                    yield return error;
                }
            }
        }
    }

    private static IEnumerable<ConfigError> CheckSource(SourceOptions source, string path, HashSet<string> names)
    {
        if (string.IsNullOrWhiteSpace(source.Name))
        {
            yield return new ConfigError($"{path}.name", "missing field 'name'");
        }
        else if (source.Name.Any(char.IsControl))
        {
            yield return new ConfigError($"{path}.name", "must not contain control characters");
        }
        else if (!names.Add(source.Name))
        {
            yield return new ConfigError($"{path}.name", $"source name '{source.Name}' is used twice");
        }

        if (!Platforms.IsKnown(source.Platform))
        {
            yield return new ConfigError($"{path}.platform", $"unknown platform '{source.Platform}' (one of {string.Join(", ", Platforms.All)})");
        }

        if (source.Targets.Count == 0)
        {
            yield return new ConfigError($"{path}.targets", "missing field 'targets': at least one URL to collect");
        }

        for (var t = 0; t < source.Targets.Count; t++)
        {
            if (!IsHttpUrl(source.Targets[t]))
            {
                yield return new ConfigError($"{path}.targets[{t}]", $"'{source.Targets[t]}' is not an absolute http(s) URL");
            }
        }

        if (source.Schedule is not null && CronSchedule.ToQuartz(source.Schedule, out var cronError) is null)
        {
            yield return new ConfigError($"{path}.schedule", $"bad cron: {cronError}");
        }

        if (source.TimeZone is { } zone && !TryFindZone(zone))
        {
            yield return new ConfigError($"{path}.timeZone", $"unknown IANA time zone '{zone}'");
        }

        if (source.MaxPages < 1)
        {
            yield return new ConfigError($"{path}.maxPages", "must be at least 1");
        }

        if (source.Concurrency is < 1)
        {
            yield return new ConfigError($"{path}.concurrency", "must be at least 1");
        }

        for (var f = 0; f < source.Follow.Count; f++)
        {
            if (!CssSelectors.IsValid(source.Follow[f]))
            {
                yield return new ConfigError($"{path}.follow[{f}]", $"'{source.Follow[f]}' is not a valid CSS selector");
            }
        }

        if (source.WaitFor is { } waitFor && !CssSelectors.IsValidWaitFor(waitFor))
        {
            yield return new ConfigError($"{path}.waitFor", $"'{waitFor}' is not a CSS selector, a delay (2s, 500ms) or one of networkidle, load, domcontentloaded");
        }

        if (source.Scroll < 0)
        {
            yield return new ConfigError($"{path}.scroll", "must not be negative");
        }

        if (!source.Robots.Obey && string.IsNullOrWhiteSpace(source.Robots.OverrideReason))
        {
            yield return new ConfigError($"{path}.robots.overrideReason", "ignoring robots.txt requires a stated reason");
        }
        else if (!source.Robots.CrawlDelay && string.IsNullOrWhiteSpace(source.Robots.OverrideReason))
        {
            yield return new ConfigError($"{path}.robots.overrideReason", "ignoring robots.txt's Crawl-delay requires a stated reason");
        }

        for (var p = 0; p < source.Proxies.Count; p++)
        {
            if (!Uri.TryCreate(source.Proxies[p], UriKind.Absolute, out var proxy) || proxy.Scheme is not ("http" or "https" or "socks5" or "socks4"))
            {
                yield return new ConfigError($"{path}.proxies[{p}]", $"'{WithoutPassword(source.Proxies[p])}' is not an http(s) or socks proxy URL");
            }
        }

        if (source.Cookies is { } cookies && !File.Exists(cookies))
        {
            yield return new ConfigError($"{path}.cookies", $"cookie file '{cookies}' does not exist");
        }
    }

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static bool TryFindZone(string zone)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(zone);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>A proxy URL as it may be printed: whatever stands between "://" and the last '@' is masked (it may hold a password).</summary>
    private static string WithoutPassword(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return string.Empty;
        }

        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var at = url.LastIndexOf('@');
        return at > scheme ? string.Concat(url.AsSpan(0, scheme < 0 ? 0 : scheme + 3), "***", url.AsSpan(at)) : url;
    }
}
