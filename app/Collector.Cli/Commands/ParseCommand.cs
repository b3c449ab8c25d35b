using System.CommandLine;
using System.Text.Json.Serialization;
using Collector.Cli.Infrastructure;
using Collector.Crawler.Fetching;
using Collector.Model;
using Collector.Parsers;
using Collector.Parsers.Layers;

namespace Collector.Cli.Commands;

/// <summary>`collector parse FILE --url URL`: check a parser against a saved page.</summary>
public static class ParseCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A saved page (HTML) or API response (JSON)." };
        var url = new Option<string>("--url") { Description = "The URL the page was saved from.", Required = true, HelpName = "URL" };
        var platform = new Option<string?>("--platform") { Description = "Parser to use; default: by the URL's host, else generic.", HelpName = "P" };
        var explain = new Option<bool>("--explain") { Description = "Print, per post, which layer (and which state path or selector) produced each field, instead of JSON." };
        var command = new Command("parse", "Parse a saved page and print the posts, next links and classification as JSON.") { file, url, platform, explain };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                throw new UsageException($"no such file: {path}");
            }

            var rawUrl = parse.GetRequiredValue(url);
            if (!Uri.TryCreate(rawUrl, UriKind.Absolute, out var pageUrl) || pageUrl.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"--url must be an absolute http(s) URL: {rawUrl}");
            }

            var registry = ParserRegistry.CreateDefault();
            var platformKey = parse.GetValue(platform);
            if (platformKey is not null && registry.ForPlatform(platformKey) is null)
            {
                throw new UsageException($"unknown platform '{platformKey}'; known: {string.Join(", ", registry.KnownPlatforms.Order(StringComparer.Ordinal))}");
            }

            var bytes = await File.ReadAllBytesAsync(path, ct);
            var body = Charsets.Decode(bytes, contentTypeCharset: null);
            var page = new PageInput
            {
                Url = pageUrl,
                Body = body,
                ContentType = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : null,
            };
            var result = registry.Parse(page, platformKey);
            if (parse.GetValue(explain))
            {
                await parse.InvocationConfiguration.Output.WriteAsync(ParseExplanation.Write(result));
                return CollectorCli.Ok;
            }

            var output = new ParseOutput(result.Posts, result.Next, result.Classification, result.Reason, result.Platform, result.NeedsBrowser, result.Subject?.ToString(),
                [.. result.Removed.Select(k => k.ToString())], result.ParsedBy, [.. result.Stubs.Select(k => k.ToString())], result.ParseError);
            await parse.InvocationConfiguration.Output.WriteLineAsync(CollectorJson.Serialize(output, indented: true));
            return CollectorCli.Ok;
        });
        return command;
    }

    /// <summary>The printed shape: what a researcher needs to judge a parser against a page.</summary>
    private sealed record ParseOutput(
        IReadOnlyList<Post> Posts,
        IReadOnlyList<FollowLink> Next,
        PageOutcome Classification,
        string? Reason,
        string? Platform,
        [property: JsonPropertyName("needsBrowser")] bool NeedsBrowser,
        string? Subject,
        IReadOnlyList<string> Removed,
        IReadOnlyDictionary<string, string> ParsedBy,
        IReadOnlyList<string> Stubs,
        string? ParseError);
}
