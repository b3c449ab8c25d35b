using AngleSharp.Dom;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Generic;

/// <summary>schema.org microdata (<c>itemscope itemtype=".../DiscussionForumPosting"</c> and the like) to posts; nested items become replies.</summary>
internal static class MicrodataReader
{
    private static readonly string[] PostTypes =
    [
        "SocialMediaPosting", "DiscussionForumPosting", "BlogPosting", "Article", "NewsArticle", "Comment", "Answer", "Question",
    ];

    public static bool MayHave(string html) =>
        html.Contains("itemscope", StringComparison.OrdinalIgnoreCase) && html.Contains("schema.org", StringComparison.OrdinalIgnoreCase);

    public static List<Post> Read(IDocument document, Uri page)
    {
        var posts = new List<Post>();
        var ids = new Dictionary<IElement, string>();
        foreach (var element in document.QuerySelectorAll("[itemscope][itemtype]"))
        {
            var type = TypeName(element);
            if (type is null)
            {
                continue;
            }

            var parent = AncestorPost(element);
            var parentId = parent is not null && ids.TryGetValue(parent, out var pid) ? pid : null;
            var rootId = parentId is null ? null : posts.First(p => p.Id == parentId).RootId ?? parentId;
            var kind = type switch
            {
                "Comment" => PostKinds.Comment,
                "Answer" => PostKinds.Answer,
                "Question" => PostKinds.Question,
                "SocialMediaPosting" or "DiscussionForumPosting" => parentId is null ? PostKinds.Post : PostKinds.Comment,
                _ => PostKinds.Article,
            };
            var url = Urls.ResolveString(page, Prop(element, "url"));
            var id = Prop(element, "identifier") ?? element.Attr("id") ?? url
                ?? (parentId is null ? page.AbsoluteUri : $"{parentId}/{posts.Count}");
            if (ids.ContainsValue(id))
            {
                continue;
            }

            ids[element] = id;
            var authorElement = OwnProps(element, "author").FirstOrDefault() ?? OwnProps(element, "creator").FirstOrDefault();
            posts.Add(new Post
            {
                Platform = PlatformKeys.Generic,
                Id = id,
                Url = url,
                Kind = kind,
                Author = AuthorOf(authorElement, page),
                PublishedAt = Times.Parse(Prop(element, "datePublished") ?? Prop(element, "dateCreated")),
                Title = TextNormalizer.OneLine(Prop(element, "headline") ?? (kind is PostKinds.Comment or PostKinds.Answer ? null : Prop(element, "name"))),
                Text = OwnProps(element, "articleBody").Concat(OwnProps(element, "text")).FirstOrDefault().BlockText(),
                ParentId = parentId,
                RootId = rootId,
                Metrics = Counts.Parse(Prop(element, "commentCount")) is { } comments ? new Metrics { Comments = comments } : Metrics.Unknown,
            });
        }

        return posts;
    }

    private static string? TypeName(IElement element)
    {
        var itemType = element.GetAttribute("itemtype") ?? string.Empty;
        foreach (var type in itemType.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = type.TrimEnd('/');
            name = name[(name.LastIndexOf('/') + 1)..];
            if (PostTypes.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return null;
    }

    private static IElement? AncestorPost(IElement element)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.HasAttribute("itemscope") && TypeName(e) is not null)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The item's own properties (not those of items nested in it).</summary>
    private static IEnumerable<IElement> OwnProps(IElement item, string name)
    {
        foreach (var element in item.QuerySelectorAll("[itemprop]"))
        {
            var props = element.GetAttribute("itemprop")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (props.Contains(name, StringComparer.Ordinal) && OwnerOf(element) == item)
            {
                yield return element;
            }
        }
    }

    private static IElement? OwnerOf(IElement prop)
    {
        for (var e = prop.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.HasAttribute("itemscope"))
            {
                return e;
            }
        }

        return null;
    }

    private static string? Prop(IElement item, string name) => OwnProps(item, name).Select(Value).FirstOrDefault(v => v is not null);

    private static string? Value(IElement element) => element.LocalName switch
    {
        "meta" => element.Attr("content"),
        "time" => element.Attr("datetime") ?? element.Text(),
        "a" or "link" or "area" => element.Attr("href"),
        "img" or "video" or "audio" or "source" => element.Attr("src"),
        _ => element.Attr("content") ?? element.Text(),
    };

    private static Author? AuthorOf(IElement? element, Uri page)
    {
        if (element is null)
        {
            return null;
        }

        if (!element.HasAttribute("itemscope"))
        {
            var text = element.LocalName == "a" ? element.Text() : Value(element);
            var href = element.LocalName == "a" ? Urls.ResolveString(page, element.Attr("href")) : null;
            return text is null && href is null ? null : new Author { Name = text, Handle = SchemaOrgNode.HandleFromUrl(href), Url = href };
        }

        var url = Urls.ResolveString(page, Prop(element, "url"));
        return new Author
        {
            Name = TextNormalizer.OneLine(Prop(element, "name")),
            Handle = Prop(element, "alternateName") ?? SchemaOrgNode.HandleFromUrl(url),
            Url = url,
        };
    }
}
