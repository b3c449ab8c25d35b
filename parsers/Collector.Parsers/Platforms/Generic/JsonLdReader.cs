using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Generic;

/// <summary>
/// schema.org JSON-LD to posts: postings, articles, questions and their nested <c>comment</c> / answer trees
/// (comments get parentId and rootId), <c>@graph</c> and array roots, <c>mainEntity</c> of pages, and the item URLs of an
/// <c>ItemList</c>. Reads only the ld+json script bodies, never the DOM.
/// </summary>
internal sealed class JsonLdReader
{
    private const int MaxDepth = 64;

    private readonly Uri _page;
    private readonly List<Post> _posts = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<FollowLink> _items = [];

    private JsonLdReader(Uri page) => _page = page;

    public int Blocks { get; private set; }

    public int TopLevelPosts { get; private set; }

    public IReadOnlyList<Post> Posts => _posts;

    public IReadOnlyList<FollowLink> Items => _items;

    public static JsonLdReader Read(string html, Uri page)
    {
        var reader = new JsonLdReader(page);
        foreach (var block in ScriptTags.JsonLd(html))
        {
            using var document = JsonRead.TryParse(Unwrap(block));
            if (document is null)
            {
                continue;
            }

            reader.Blocks++;
            reader.VisitRoot(document.RootElement);
        }

        return reader;
    }

    private static string Unwrap(string block)
    {
        var text = block.Trim();
        if (text.StartsWith("<!--", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        if (text.StartsWith("//<![CDATA[", StringComparison.Ordinal) || text.StartsWith("<![CDATA[", StringComparison.Ordinal))
        {
            text = text[(text.IndexOf("[CDATA[", StringComparison.Ordinal) + 7)..];
        }

        return text.Replace("//]]>", string.Empty, StringComparison.Ordinal).Replace("]]>", string.Empty, StringComparison.Ordinal)
            .Replace("-->", string.Empty, StringComparison.Ordinal);
    }

    private void VisitRoot(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in root.EnumerateArray())
            {
                VisitRoot(item);
            }

            return;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (root.At("@graph") is { ValueKind: JsonValueKind.Array } graph)
        {
            foreach (var node in graph.EnumerateArray())
            {
                VisitTop(node);
            }
        }

        VisitTop(root);
    }

    private void VisitTop(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (SchemaOrgNode.Kind(node) is not null)
        {
            if (AddPost(node, parentId: null, rootId: null, index: 0, depth: 0))
            {
                TopLevelPosts++;
            }

            return;
        }

        if (node.At("mainEntity") is { } main)
        {
            foreach (var entity in main.ValueKind == JsonValueKind.Array ? main.EnumerateArray() : (IEnumerable<JsonElement>)[main])
            {
                VisitTop(entity);
            }
        }

        if (SchemaOrgNode.IsType(node, "ItemList"))
        {
            foreach (var element in node.Items("itemListElement"))
            {
                var item = element.At("item") ?? element;
                if (item.ValueKind == JsonValueKind.Object && SchemaOrgNode.Kind(item) is not null
                    && (item.Str("text") ?? item.Str("articleBody") ?? item.Str("headline")) is not null)
                {
                    VisitTop(item);
                    continue;
                }

                var url = item.ValueKind == JsonValueKind.String ? item.GetString() : item.Str("url") ?? item.Str("@id") ?? element.Str("url");
                if (Urls.Resolve(_page, url) is { } link)
                {
                    _items.Add(new FollowLink(link, FollowKind.Item));
                }
            }
        }
    }

    private bool AddPost(JsonElement node, string? parentId, string? rootId, int index, int depth)
    {
        var kind = SchemaOrgNode.Kind(node) ?? PostKinds.Comment;
        var url = SchemaOrgNode.Url(node, _page);
        var id = SchemaOrgNode.Identifier(node)
            ?? (parentId is null ? url ?? PageId() : $"{parentId}/{index}");
        if (parentId is not null && kind is PostKinds.Post or PostKinds.Article)
        {
            kind = PostKinds.Comment;
        }

        if (!_ids.Add(id))
        {
            return false;
        }

        var post = new Post
        {
            Platform = PlatformKeys.Generic,
            Id = id,
            Url = url ?? (parentId is null ? PageId() : null),
            Kind = kind,
            Author = SchemaOrgNode.Author(node, _page),
            PublishedAt = SchemaOrgNode.Published(node),
            Title = SchemaOrgNode.Title(node, kind),
            Text = SchemaOrgNode.Text(node),
            Language = LanguageDetection.Normalize(node.Str("inLanguage")),
            ParentId = parentId,
            RootId = rootId,
            Media = SchemaOrgNode.Media(node, _page),
            Metrics = SchemaOrgNode.Metrics(node),
        };
        _posts.Add(post);

        if (depth >= MaxDepth)
        {
            return true;
        }

        var childIndex = 0;
        foreach (var key in (ReadOnlySpan<string>)["comment", "acceptedAnswer", "suggestedAnswer"])
        {
            var children = node.At(key);
            if (children is not { } c)
            {
                continue;
            }

            foreach (var child in c.ValueKind == JsonValueKind.Array ? c.EnumerateArray() : (IEnumerable<JsonElement>)[c])
            {
                if (child.ValueKind == JsonValueKind.Object)
                {
                    AddPost(child, id, rootId ?? id, childIndex++, depth + 1);
                }
            }
        }

        return true;
    }

    private string PageId()
    {
        var builder = new UriBuilder(_page) { Fragment = string.Empty };
        return builder.Uri.AbsoluteUri;
    }
}
