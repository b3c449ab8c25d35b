using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.YouTube;

/// <summary>
/// YouTube: watch pages (<c>ytInitialPlayerResponse</c> + <c>ytInitialData</c>), the InnerTube player JSON, channel pages
/// (<c>ytInitialData</c> channel metadata and video grid), and script-less DOM snapshots (itemprop microdata).
/// </summary>
public sealed class YouTubeParser : PlatformParser
{
    public override string Platform => PlatformKeys.YouTube;

    public override bool Handles(Uri url) => Hosts.IsAny(url, "youtube.com", "youtu.be", "youtube-nocookie.com");

    protected override IReadOnlyList<string> CanonicalOrigins { get; } = ["https://www.youtube.com"];

    protected override ParseResult ParseCore(PageInput page)
    {
        var subject = VideoId(page.Url) is { } id ? new PostKey(PlatformKeys.YouTube, id) : (PostKey?)null;
        if (page.LooksLikeJson)
        {
            using var json = JsonRead.TryParse(page.Body);
            if (json is null)
            {
                return Classified(PageOutcome.Unrecognized, "body is not valid JSON", subject);
            }

            if (json.RootElement.At("videoDetails") is not null || json.RootElement.At("playabilityStatus") is not null)
            {
                return YouTubeFieldPaths.RecordWatch(YouTubeWatchReader.Read(json.RootElement, null, subject, this), embedded: false);
            }

            if (YouTubeCommentReader.Has(json.RootElement) && YouTubeCommentReader.Read(json.RootElement) is { Count: > 0 } comments)
            {
                return YouTubeFieldPaths.Comments.Apply(Found(comments, [], null));
            }

            return YouTubeFieldPaths.RecordChannel(YouTubeChannelReader.Read(json.RootElement, page.Url, this), embedded: false);
        }

        var html = page.Body;
        var player = ScriptTags.AssignedJson(html, "ytInitialPlayerResponse");
        var data = ScriptTags.AssignedJson(html, "ytInitialData");
        if (player is not null)
        {
            using var playerJson = JsonRead.TryParse(player);
            using var dataJson = JsonRead.TryParse(data);
            if (playerJson is null)
            {
                return Classified(PageOutcome.Unrecognized, "ytInitialPlayerResponse is not valid JSON", subject);
            }

            return YouTubeFieldPaths.RecordWatch(YouTubeWatchReader.Read(playerJson.RootElement, dataJson?.RootElement, subject, this), embedded: true);
        }

        if (data is not null)
        {
            using var dataJson = JsonRead.TryParse(data);
            return dataJson is null
                ? Classified(PageOutcome.Unrecognized, "ytInitialData is not valid JSON", subject)
                : YouTubeFieldPaths.RecordChannel(YouTubeChannelReader.Read(dataJson.RootElement, page.Url, this), embedded: true);
        }

        if (YouTubeMicrodata.Read(html) is { } snapshot)
        {
            return YouTubeFieldPaths.Microdata.Record(Found([snapshot], [], subject ?? snapshot.Key));
        }

        if (PageSignals.Detect(page) is { } signal)
        {
            return Classified(signal.Outcome, signal.Reason, subject);
        }

        return Classified(PageOutcome.Unrecognized, "no ytInitialPlayerResponse, ytInitialData or video microdata", subject);
    }

    internal ParseResult Result(IReadOnlyList<Post> posts, IReadOnlyList<FollowLink> next, PostKey? subject) => Found(posts, next, subject);

    internal ParseResult Result(PageOutcome outcome, string reason, PostKey? subject = null) => Classified(outcome, reason, subject);

    /// <summary>watch?v=ID, youtu.be/ID, /shorts/ID, /embed/ID.</summary>
    internal static string? VideoId(Uri url)
    {
        if (Urls.Query(url, "v") is { Length: 11 } v)
        {
            return v;
        }

        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (url.Host.EndsWith("youtu.be", StringComparison.OrdinalIgnoreCase) && segments.Length > 0)
        {
            return segments[0];
        }

        var i = Array.FindIndex(segments, s => s is "shorts" or "embed" or "live");
        return i >= 0 && i + 1 < segments.Length ? segments[i + 1] : null;
    }
}
