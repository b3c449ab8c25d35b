using System.Text.RegularExpressions;
using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Medium;

/// <summary>
/// Medium: articles and profiles from <c>window.__APOLLO_STATE__</c> (<c>Post:&lt;id&gt;</c>, <c>firstPublishedAt</c> in ms: the
/// first publication, while <c>article:published_time</c> may be a re-publish), with JSON-LD and OpenGraph/legacy markup as backup.
/// </summary>
public sealed partial class MediumParser : PlatformParser
{
    public override string Platform => PlatformKeys.Medium;

    public override bool Handles(Uri url) => Hosts.IsAny(url, "medium.com");

    protected override IReadOnlyList<string> CanonicalOrigins { get; } = ["https://medium.com"];

    protected override ParseResult ParseCore(PageInput page)
    {
        var html = page.Body;
        var postId = PostId(page.Url);
        var subject = postId is null ? (PostKey?)null : new PostKey(PlatformKeys.Medium, postId);
        var meta = MetaTags.Read(html);
        var apollo = ScriptTags.AssignedJson(html, "__APOLLO_STATE__");
        if (apollo is not null)
        {
            using var state = JsonRead.TryParse(apollo);
            if (state is not null)
            {
                var result = new MediumApolloReader(state.RootElement, meta.DeclaredLanguage).Read(postId, ProfileName(page.Url));
                if (result.Posts.Count > 0)
                {
                    return MediumFieldPaths.RecordApollo(Found(result.Posts, result.Next, result.Subject ?? subject).ReadBy(ParseLayers.At(ParseLayers.StateJson, "window.__APOLLO_STATE__")));
                }
            }
        }

        if (MediumMarkupReader.Read(html, page.Url, meta, postId) is { } read)
        {
            return MediumFieldPaths.RecordMarkup(Found([read.Post], [], subject ?? read.Post.Key).ReadBy(read.Layer), read.Layer);
        }

        if (PageSignals.Detect(page) is { } signal)
        {
            return Classified(signal.Outcome, signal.Reason, subject);
        }

        return Classified(PageOutcome.Unrecognized, "no Apollo state, JSON-LD article or article meta", subject);
    }

    /// <summary>The hex post id that ends a Medium article path ("…-15fd2dd8f07b", "/p/15fd2dd8f07b").</summary>
    internal static string? PostId(Uri url)
    {
        var m = PostIdPattern().Match(url.AbsolutePath);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string? ProfileName(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 1 && segments[0].StartsWith('@') ? segments[0][1..] : null;
    }

    [GeneratedRegex(@"(?:-|/p/)([0-9a-f]{8,12})/?$", RegexOptions.CultureInvariant)]
    private static partial Regex PostIdPattern();
}
