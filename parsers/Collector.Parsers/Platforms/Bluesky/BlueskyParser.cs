using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Bluesky;

/// <summary>
/// Bluesky: bsky.app post and profile pages (the server-rendered <c>noscript</c> summary: display name, handle, DID, text,
/// time) and the AppView JSON (getPostThread, getAuthorFeed, getPosts). Post ids are AT URIs.
/// </summary>
public sealed class BlueskyParser : PlatformParser
{
    public override string Platform => PlatformKeys.Bluesky;

    public override bool Handles(Uri url) => Hosts.IsAny(url, "bsky.app", "bsky.social", "bsky.network");

    protected override IReadOnlyList<string> CanonicalOrigins { get; } = ["https://bsky.app"];

    protected override ParseResult ParseCore(PageInput page)
    {
        if (page.LooksLikeJson)
        {
            using var document = JsonRead.TryParse(page.Body);
            return document is null
                ? Classified(PageOutcome.Unrecognized, "body is not valid JSON")
                : BlueskyFieldPaths.RecordJson(BlueskyJsonReader.Read(document.RootElement, page.Url, this));
        }

        return BlueskyPageReader.Read(page, this);
    }

    internal ParseResult Result(IReadOnlyList<Post> posts, IReadOnlyList<FollowLink> next, PostKey? subject) => Found(posts, next, subject);

    internal ParseResult Result(PageOutcome outcome, string reason, PostKey? subject = null) => Classified(outcome, reason, subject);

    internal static string PostUrl(string? handle, string atUri)
    {
        var rkey = atUri[(atUri.LastIndexOf('/') + 1)..];
        var parts = atUri.Split('/');
        var who = handle ?? (parts.Length > 2 ? parts[2] : atUri);
        return $"https://bsky.app/profile/{who}/post/{rkey}";
    }
}
