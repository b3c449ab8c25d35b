using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Layers;

namespace Collector.Parsers;

/// <summary>
/// The base every built-in parser derives from: it turns hopeless input (empty, binary, huge) into a classified result
/// before the parser sees it, and turns any exception the parser raises into <see cref="PageOutcome.Unrecognized"/> with
/// <see cref="ParseResult.ParseError"/> set (tests fail on it), so that <see cref="IPlatformParser.Parse"/> never throws.
/// After the platform's own layers it runs the shared ones (<see cref="LayerCompletion"/>: parsedBy for every post, the
/// subject completed from JSON-LD, and JSON-LD/microdata/meta when the platform's layers found nothing).
/// </summary>
public abstract class PlatformParser : IPlatformParser
{
    public abstract string Platform { get; }

    public abstract bool Handles(Uri url);

    /// <summary>
    /// The origins this parser writes into the absolute URLs it builds (<c>https://www.reddit.com</c>). A page served from
    /// any host this parser does not <see cref="Handles"/> gets those URLs moved onto its own origin (see
    /// <see cref="OriginRebase"/>).
    /// </summary>
    protected virtual IReadOnlyList<string> CanonicalOrigins => [];

    public ParseResult Parse(PageInput page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rejected = InputGuard.Check(page);
        if (rejected is not null)
        {
            return rejected with { Platform = Platform };
        }

        try
        {
            var result = LayerCompletion.Complete(page, ParseCore(page), Platform, AdaptLayerPost);
            if (!Handles(page.Url))
            {
                result = OriginRebase.Apply(result, page.Url, CanonicalOrigins);
            }

            return result.Platform is null ? result with { Platform = Platform } : result;
        }
        catch (HostileMarkupException ex)
        {
            return ParseResult.Classified(PageOutcome.Unrecognized, ex.Message, Platform);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Production keeps the page (classified unrecognized); the exception is recorded on the capture, and tests fail on it.
            return ParseResult.Classified(PageOutcome.Unrecognized, $"parser failed: {ex.GetType().Name}: {Shorten(ex.Message)}", Platform) with
            {
                ParseError = $"{ex.GetType().FullName}: {Shorten(ex.Message)} at {Shorten(OwnFrame(ex))}",
            };
        }
    }

    /// <summary>
    /// A post the standard layers (JSON-LD, microdata, meta) read for this platform, completed with what the platform's ids
    /// say (X and Instagram ids carry their creation time).
    /// </summary>
    protected virtual Post AdaptLayerPost(Post post) => post;

    /// <summary>Reads a page that passed <see cref="InputGuard"/>; may throw (the base classifies the failure).</summary>
    protected abstract ParseResult ParseCore(PageInput page);

    /// <summary>A content/empty result with this parser's platform.</summary>
    protected internal ParseResult Found(IReadOnlyList<Post> posts, IReadOnlyList<FollowLink> next, PostKey? subject = null, string? reason = null) =>
        new()
        {
            Classification = posts.Count > 0 ? PageOutcome.Content : PageOutcome.Empty,
            Posts = posts,
            Next = next,
            Subject = subject,
            Reason = reason,
            Platform = Platform,
        };

    protected internal ParseResult Classified(PageOutcome outcome, string reason, PostKey? subject = null) =>
        new() { Classification = outcome, Reason = reason, Platform = Platform, Subject = subject };

    /// <summary>The innermost stack frame in Collector's own code (where to look), else the first frame.</summary>
    private static string OwnFrame(Exception ex)
    {
        var frames = (ex.StackTrace ?? "?").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return frames.FirstOrDefault(f => f.Contains("Collector.", StringComparison.Ordinal)) ?? frames.FirstOrDefault() ?? "?";
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
