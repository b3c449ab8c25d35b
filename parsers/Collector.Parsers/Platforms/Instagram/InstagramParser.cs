using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Instagram;

/// <summary>
/// Instagram post (/p/, /reel/) and profile pages as served to a logged-out client: the data is in the meta tags
/// ("298K likes, 553 comments - handle on May 29, 2021: "caption"") and the numeric media id (instagram://media?id=…),
/// whose high bits are the creation time in milliseconds since Instagram's epoch.
/// </summary>
public sealed partial class InstagramParser : PlatformParser
{
    private const long InstagramEpochMs = 1314220021721;

    public override string Platform => PlatformKeys.Instagram;

    public override bool Handles(Uri url) => Hosts.IsAny(url, "instagram.com", "instagr.am");

    protected override IReadOnlyList<string> CanonicalOrigins { get; } = ["https://www.instagram.com"];

    protected override ParseResult ParseCore(PageInput page)
    {
        var html = page.Body;
        if (page.LooksLikeJson)
        {
            return InstagramStateReader.ReadJsonBody(html) is { } api
                ? Read(api)
                : Classified(PageOutcome.Unrecognized, "JSON without an Instagram media (items[], graphql.shortcode_media) or user", Subject(page.Url));
        }

        if (InstagramStateReader.ReadPage(html) is { } state)
        {
            return Read(state);
        }

        var meta = MetaTags.Read(html);
        var shortcode = Shortcode(page.Url) ?? Shortcode(TryUri(meta.Get("og:url")));
        var subject = shortcode is null ? (PostKey?)null : new PostKey(PlatformKeys.Instagram, shortcode);
        var description = meta.Get("og:description") ?? meta.Get("description");
        if (shortcode is not null && description is not null && PostDescription().Match(description) is { Success: true } m)
        {
            return InstagramFieldPaths.Description.Record(Layered(Found([ReadPost(shortcode, m, meta, html)], [], subject), ParseLayers.At(ParseLayers.Meta, "og:description \"N likes, N comments - handle on date\"")));
        }

        if (shortcode is not null && InstagramPageReader.SharedPostMeta(shortcode, meta) is { } shared)
        {
            return InstagramFieldPaths.SharedPost.Record(Layered(Found([shared], [], subject), ParseLayers.At(ParseLayers.Meta, "description \"Name shared a post on Instagram\", twitter:title")));
        }

        if (shortcode is not null && InstagramPageReader.LegacyPhotoPage(shortcode, html, meta) is { } legacy)
        {
            return InstagramFieldPaths.LegacyPhoto.Record(Layered(Found([legacy], [], subject), ParseLayers.At(ParseLayers.Dom, "p.username, div.caption, h3 Likes (instagr.am 2011)")));
        }

        if (shortcode is null && description is not null && ProfileDescription().Match(description) is { Success: true } p)
        {
            var handle = p.Groups["handle"].Value;
            var profile = new Post
            {
                Platform = PlatformKeys.Instagram,
                Id = "user:" + handle,
                Url = $"https://www.instagram.com/{handle}/",
                Kind = PostKinds.Profile,
                Author = new Author { Handle = handle, Name = WebUtility.HtmlDecode(p.Groups["name"].Value), Url = $"https://www.instagram.com/{handle}/" },
                Title = p.Groups["name"].Value,
            };
            return InstagramFieldPaths.ProfileDescription.Record(Found([profile], [], profile.Key));
        }

        if (shortcode is null && InstagramPageReader.ProfileTitle(page.Url, html, meta) is { } shell)
        {
            return InstagramFieldPaths.ProfileTitle.Record(Layered(Found([shell], [], shell.Key, "profile shell: only the title names the account; its posts load by script"), ParseLayers.At(ParseLayers.Meta, "<title> \"Name (@handle)\", profile_id"))) with { NeedsBrowser = true };
        }

        if (meta.Title is { } title && title.StartsWith("Login", StringComparison.OrdinalIgnoreCase)
            || page.Url.AbsolutePath.StartsWith("/accounts/login", StringComparison.Ordinal))
        {
            return Classified(PageOutcome.LoginWall, "Instagram login page", subject);
        }

        if (PageSignals.Detect(page) is { } signal)
        {
            return Classified(signal.Outcome == PageOutcome.NotFound && html.Contains("may have been removed", StringComparison.Ordinal) ? PageOutcome.Removed : signal.Outcome, signal.Reason, subject);
        }

        return Classified(PageOutcome.Unrecognized, "no Instagram post or profile description meta", subject);
    }

    private ParseResult Read(InstagramRead read) => InstagramFieldPaths.Record(Layered(Found(read.Posts, read.Next, read.Subject), read.Layer), read.Layer);

    private static ParseResult Layered(ParseResult result, string layer) =>
        result.ReadBy(layer);

    private static PostKey? Subject(Uri url) => Shortcode(url) is { } code ? new PostKey(PlatformKeys.Instagram, code) : null;

    internal static string? MediaIdOf(MetaTags meta) =>
        MediaId().Match(meta.Get("al:ios:url") ?? meta.Get("al:android:url") ?? string.Empty) is { Success: true } m ? m.Groups[1].Value : null;

    private static Post ReadPost(string shortcode, Match m, MetaTags meta, string html)
    {
        var handle = m.Groups["handle"].Value;
        var text = TextNormalizer.Normalize(m.Groups["text"].Value);
        var mediaId = MediaId().Match(meta.Get("al:ios:url") ?? meta.Get("al:android:url") ?? string.Empty) is { Success: true } id ? id.Groups[1].Value : null;
        var twitterTitle = meta.Get("twitter:title");
        var name = twitterTitle is not null && twitterTitle.IndexOf(" (@", StringComparison.Ordinal) is > 0 and var cut ? twitterTitle[..cut] : null;
        var ownerId = OwnerId().Match(html) is { Success: true } owner ? owner.Groups[1].Value : null;
        var image = meta.Get("og:image");
        var video = meta.Get("og:video");
        var isVideo = video is not null || (twitterTitle?.EndsWith("video", StringComparison.OrdinalIgnoreCase) ?? false);
        return PostEnricher.Enrich(new Post
        {
            Platform = PlatformKeys.Instagram,
            Id = shortcode,
            Url = $"https://www.instagram.com/p/{shortcode}/",
            Kind = isVideo ? PostKinds.Video : PostKinds.Post,
            Author = new Author { Id = ownerId, Handle = handle, Name = name, Url = $"https://www.instagram.com/{handle}/" },
            PublishedAt = FromMediaId(mediaId) ?? DateOnly(m.Groups["date"].Value),
            Text = text,
            Media = video is not null ? [new Media { Type = "video", Url = video }] : image is null ? [] : [new Media { Type = "image", Url = image }],
            Metrics = new Metrics { Likes = Counts.Parse(m.Groups["likes"].Value), Comments = Counts.Parse(m.Groups["comments"].Value) },
        });
    }

    /// <summary>Instagram media ids: (ms since 2011-08-24T21:07:01.721Z) &lt;&lt; 23 | shard &lt;&lt; 10 | sequence.</summary>
    internal static DateTimeOffset? FromMediaId(string? mediaId) =>
        ulong.TryParse(mediaId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 1UL << 40
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(id >> 23) + InstagramEpochMs)
            : null;

    private static DateTimeOffset? DateOnly(string text) =>
        DateTimeOffset.TryParseExact(text, "MMMM d, yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static string? Shortcode(Uri? url)
    {
        if (url is null)
        {
            return null;
        }

        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var i = Array.FindIndex(segments, s => s is "p" or "reel" or "reels" or "tv");
        return i >= 0 && i + 1 < segments.Length ? segments[i + 1] : null;
    }

    private static Uri? TryUri(string? text) => Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : null;

    [GeneratedRegex("""^(?<likes>[\d.,]+[KMB]?) likes?, (?<comments>[\d.,]+[KMB]?) comments? - (?<handle>[\w.]+) on (?<date>[A-Z][a-z]+ \d{1,2}, \d{4})(?:: "(?<text>.*)"\.?)?\s*$""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex PostDescription();

    [GeneratedRegex("""Followers, .* - See Instagram photos and videos from (?<name>.*) \(@(?<handle>[\w.]+)\)""", RegexOptions.CultureInvariant)]
    private static partial Regex ProfileDescription();

    [GeneratedRegex(@"media\?id=(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex MediaId();

    [GeneratedRegex("\"media_owner_id\"\\s*:\\s*\"(\\d+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex OwnerId();
}
