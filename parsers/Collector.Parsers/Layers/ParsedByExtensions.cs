using Collector.Model;

namespace Collector.Parsers.Layers;

/// <summary>Naming the layer that read a result's posts (a page may list the same post twice: the first naming stands).</summary>
public static class ParsedByExtensions
{
    /// <summary>The result with every post read by <paramref name="layer"/>.</summary>
    public static ParseResult ReadBy(this ParseResult result, string layer) => result.ReadBy(_ => layer);

    /// <summary>The result with each post's layer as <paramref name="layerOf"/> says.</summary>
    public static ParseResult ReadBy(this ParseResult result, Func<Post, string> layerOf)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(layerOf);
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var post in result.Posts)
        {
            named.TryAdd(post.Id, layerOf(post));
        }

        return result with { ParsedBy = named };
    }
}
