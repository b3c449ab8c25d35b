using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Pixiv;

/// <summary>pixiv illust and user objects (preload data, ajax bodies, search rows) to posts.</summary>
internal static class PixivIllust
{
    public static Post? Read(JsonElement illust) => Read(PixivIllustFields.Read(illust));

    public static Post? Read(in PixivIllustFields illust)
    {
        var id = illust.IllustId.Str() ?? illust.Id.Str();
        if (id is null || !id.All(char.IsAsciiDigit))
        {
            return null;
        }

        var title = TextNormalizer.OneLine(illust.IllustTitle.Str() ?? illust.Title.Str());
        var text = HtmlText.ToPlainText(illust.IllustComment.Str() ?? illust.Description.Str());
        var userId = illust.UserId.Str();
        var tags = illust.Tags.At("tags") is { ValueKind: JsonValueKind.Array } tagObjects
            ? tagObjects.EnumerateArray().Select(t => t.Str("tag")).OfType<string>().ToList()
            : illust.Tags.Items().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : null).OfType<string>().ToList();
        var image = illust.Urls.Str("original") ?? illust.Urls.Str("regular") ?? illust.Url.Str();
        var post = new Post
        {
            Platform = PlatformKeys.Pixiv,
            Id = id,
            Url = $"https://www.pixiv.net/en/artworks/{id}",
            Kind = PostKinds.Post,
            Author = userId is null ? null : new Author
            {
                Id = userId,
                Handle = illust.UserAccount.Str(),
                Name = illust.UserName.Str(),
                Url = $"https://www.pixiv.net/en/users/{userId}",
            },
            PublishedAt = illust.CreateDate.Time() ?? illust.UploadDate.Time(),
            Title = title,
            Text = text,
            Media = image is null ? [] : [new Media { Type = illust.IllustType.Long() == 2 ? "gif" : "image", Url = image }],
            Hashtags = tags,
            Metrics = new Metrics
            {
                Likes = illust.LikeCount.Long(),
                Comments = illust.CommentCount.Long(),
                Views = illust.ViewCount.Long(),
            },
        };
        return PostEnricher.Enrich(post);
    }

    /// <summary>A user object (preload/ajax <c>userId,name,comment</c> or app API <c>id,name,account,comment</c>) as a profile post.</summary>
    public static Post? Profile(JsonElement user)
    {
        var id = user.Str("userId") ?? user.Str("id");
        if (id is null)
        {
            return null;
        }

        var text = HtmlText.ToPlainText(user.Str("comment"));
        return PostEnricher.Enrich(new Post
        {
            Platform = PlatformKeys.Pixiv,
            Id = "user:" + id,
            Url = $"https://www.pixiv.net/en/users/{id}",
            Kind = PostKinds.Profile,
            Author = new Author { Id = id, Handle = user.Str("account"), Name = user.Str("name"), Url = $"https://www.pixiv.net/en/users/{id}" },
            Title = user.Str("name"),
            Text = text,
        });
    }
}
