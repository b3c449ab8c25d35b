using Collector.Model;

namespace Collector.Parsers.Layers;

/// <summary>
/// What the parser base does with a platform parser's result: names the layer of every post (<see cref="ParseResult.ParsedBy"/>),
/// fills the page subject's empty fields from the page's JSON-LD, and, when the platform's own layers found nothing,
/// reads the standard layers (JSON-LD, microdata, OpenGraph/meta) before the page may be called unrecognized.
/// </summary>
internal static class LayerCompletion
{
    public static ParseResult Complete(PageInput page, ParseResult result, string platform, Func<Post, Post> adapt)
    {
        result = RecordStandardPaths(NameLayers(page, result));
        if (result.Posts.Count > 0)
        {
            return FillSubject(page, result, platform);
        }

        // Blocked pages may still carry the post in structured data (a login form over a public post); meta alone is not enough there.
        var allowMeta = result.Classification == PageOutcome.Unrecognized || (result.Classification == PageOutcome.Empty && result.NeedsBrowser);
        var tryStandard = allowMeta || result.Classification == PageOutcome.LoginWall;
        if (!tryStandard)
        {
            return result;
        }

        var subjectId = result.Subject?.Id;
        var tried = new List<string>(result.LayersTried.Count == 0 ? [ParseLayers.Platform] : result.LayersTried);
        var read = Try(tried, ParseLayers.JsonLd, () => StandardLayers.JsonLd(page, platform, subjectId))
            ?? Try(tried, ParseLayers.Microdata, () => StandardLayers.Microdata(page, platform, subjectId))
            ?? (allowMeta ? Try(tried, ParseLayers.Meta, () => StandardLayers.Meta(page, platform, subjectId)) : null);
        if (read is null)
        {
            return result.Classification == PageOutcome.Unrecognized
                ? result with { LayersTried = tried, Reason = $"{result.Reason} (layers tried: {string.Join(", ", tried)})" }
                : result with { LayersTried = tried };
        }

        var posts = read.Posts.Select(adapt).ToList();
        var subject = result.Subject ?? (posts.Count(p => p.ParentId is null) == 1 ? posts.First(p => p.ParentId is null).Key : null);
        var found = result with
        {
            Classification = PageOutcome.Content,
            Posts = posts,
            Subject = subject,
            LayersTried = tried,
            Reason = $"read from {read.Layer} after: {result.Reason}",
        };
        return StandardFieldPaths.Of(read.Layer)!.Record(found.ReadBy(read.Layer));
    }

    private static LayerRead? Try(List<string> tried, string layer, Func<LayerRead?> read)
    {
        tried.Add(layer);
        return read();
    }

    /// <summary>Every post gets a layer: the reader's own, else the body's kind (a JSON body is an API response).</summary>
    private static ParseResult NameLayers(PageInput page, ParseResult result)
    {
        if (result.Posts.Count == 0 || result.Posts.All(p => result.ParsedBy.ContainsKey(p.Id)))
        {
            return result;
        }

        var fallback = page.LooksLikeJson ? ParseLayers.ApiJson : ParseLayers.Platform;
        var named = new Dictionary<string, string>(result.ParsedBy, StringComparer.Ordinal);
        foreach (var post in result.Posts)
        {
            named.TryAdd(post.Id, fallback);
        }

        return result with { ParsedBy = named };
    }

    /// <summary>Posts a platform reader read through a standard layer itself (an oEmbed body, say): that layer's field paths.</summary>
    private static ParseResult RecordStandardPaths(ParseResult result)
    {
        var parsedBy = result.ParsedBy;
        foreach (var layer in parsedBy.Values.Distinct(StringComparer.Ordinal).ToList())
        {
            if (StandardFieldPaths.Of(layer) is { } paths && layer == paths.Layer)
            {
                result = paths.Record(result, p => parsedBy.GetValueOrDefault(p.Id) == layer);
            }
        }

        return result;
    }

    /// <summary>The page's subject post, completed from JSON-LD where the platform layer left a field empty.</summary>
    private static ParseResult FillSubject(PageInput page, ParseResult result, string platform)
    {
        if (result.Subject is not { } subject || page.LooksLikeJson)
        {
            return result;
        }

        var index = -1;
        for (var i = 0; i < result.Posts.Count; i++)
        {
            if (result.Posts[i].Id == subject.Id)
            {
                index = i;
                break;
            }
        }

        var layer = ParseLayers.LayerOf(result.ParsedBy.GetValueOrDefault(subject.Id) ?? ParseLayers.Platform);
        var partial = layer is ParseLayers.Dom or ParseLayers.Meta or ParseLayers.Microdata;
        var source = StandardLayers.JsonLd(page, platform, subject.Id)?.Posts.FirstOrDefault(p => p.Id == subject.Id) is { } ld
            ? (Post: ld, Layer: ParseLayers.JsonLd)
            : partial && StandardLayers.Meta(page, platform, subject.Id)?.Posts[0] is { } og ? (Post: og, Layer: ParseLayers.Meta) : default;
        if (index < 0 || source.Post is null)
        {
            return result;
        }

        var filled = new List<string>();
        var post = PostFill.Fill(result.Posts[index], source.Post, filled, fillText: partial);
        if (filled.Count == 0)
        {
            return result;
        }

        var posts = result.Posts.ToList();
        posts[index] = post;
        var sources = new Dictionary<string, IReadOnlyDictionary<string, string>>(result.FieldSources, StringComparer.Ordinal);
        var fields = new Dictionary<string, string>(sources.GetValueOrDefault(subject.Id) ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var field in filled)
        {
            fields[field] = StandardFieldPaths.Of(source.Layer)?.Describe(field) ?? source.Layer;
        }

        sources[subject.Id] = fields;
        return result with { Posts = posts, FieldSources = sources };
    }
}
