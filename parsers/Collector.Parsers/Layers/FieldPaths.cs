using Collector.Model;

namespace Collector.Parsers.Layers;

/// <summary>
/// Where one reader takes each field of the posts it builds: its layer, the state or selector it starts from, and per field
/// the JSON path or selector (alternatives in the reader's order, "a | b"). A reader declares one of these beside its code
/// and records it on its result (<see cref="Record"/>); <c>collector parse --explain</c> then names, per post and field,
/// "layer: where → path" (<see cref="ParseResult.FieldSources"/>). A field filled later by another layer keeps that
/// layer's path; only fields the post has a value for are recorded.
/// </summary>
public sealed class FieldPaths
{
    private readonly IReadOnlyDictionary<string, string> _paths;

    /// <param name="layer">One of <see cref="ParseLayers"/>.</param>
    /// <param name="root">The state, response or element the paths start from ("SIGI_STATE ItemModule.&lt;id&gt;"), or null.</param>
    /// <param name="paths">Field (as <see cref="ParseExplanation.Fields"/> names it; "author" covers every author.* field) to path.</param>
    public FieldPaths(string layer, string? root, IReadOnlyDictionary<string, string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Layer = layer;
        Root = root;
        _paths = paths;
    }

    public string Layer { get; }

    public string? Root { get; }

    /// <summary>
    /// Where <see cref="Common.PostEnricher"/> takes the derived fields when a reader names no source of its own: the
    /// text the reader produced (whose own path is named beside it).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Derived { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["language"] = "detected from title + text",
        ["links"] = "URLs in text",
        ["hashtags"] = "#tags in title + text",
    };

    /// <summary>"layer: root → path" of a field, or null when this reader does not name it.</summary>
    public string? Describe(string field)
    {
        var path = _paths.GetValueOrDefault(field)
            ?? (field.StartsWith("author.", StringComparison.Ordinal) ? _paths.GetValueOrDefault("author") is { } a ? $"{a}.{field[7..]}" : null : null)
            ?? Derived.GetValueOrDefault(field);
        return path is null ? null : Root is null ? ParseLayers.At(Layer, path) : ParseLayers.At(Layer, $"{Root} → {path}");
    }

    /// <summary>
    /// The result with the posts no reader has named yet named as read by this one ("layer: root") and this reader's paths
    /// recorded for them (all such posts, or those <paramref name="only"/> picks).
    /// </summary>
    public ParseResult Apply(ParseResult result, Func<Post, bool>? only = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var named = new Dictionary<string, string>(result.ParsedBy, StringComparer.Ordinal);
        var mine = new HashSet<string>(StringComparer.Ordinal);
        var where = Root is null ? Layer : ParseLayers.At(Layer, Root);
        foreach (var post in result.Posts)
        {
            if ((only is null || only(post)) && named.TryAdd(post.Id, where))
            {
                mine.Add(post.Id);
            }
        }

        return Record(result with { ParsedBy = named }, p => mine.Contains(p.Id));
    }

    /// <summary>The result with this reader's paths recorded for the fields its posts have (all posts, or those <paramref name="only"/> picks).</summary>
    public ParseResult Record(ParseResult result, Func<Post, bool>? only = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sources = new Dictionary<string, IReadOnlyDictionary<string, string>>(result.FieldSources, StringComparer.Ordinal);
        foreach (var post in result.Posts)
        {
            if (only is not null && !only(post))
            {
                continue;
            }

            var fields = new Dictionary<string, string>(sources.GetValueOrDefault(post.Id) ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            foreach (var field in ParseExplanation.FieldNames(post))
            {
                if (Describe(field) is { } where)
                {
                    fields.TryAdd(field, where);
                }
            }

            sources[post.Id] = fields;
        }

        return result with { FieldSources = sources };
    }
}
