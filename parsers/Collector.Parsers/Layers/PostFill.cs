using Collector.Model;

namespace Collector.Parsers.Layers;

/// <summary>
/// Fills the fields a post left empty from the same post as a later layer read it; never overwrites a value an earlier
/// (better) layer produced. Says which fields it filled, for <see cref="ParseResult.FieldSources"/>.
/// </summary>
public static class PostFill
{
    /// <param name="fillText">
    /// False when the earlier layer is the platform's full data (state or API JSON): an empty caption there is known to be
    /// empty, and a later layer's description (a reel's audio track) is not the post's text.
    /// </param>
    public static Post Fill(Post post, Post from, List<string> filled, bool fillText = true)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(from);
        var author = FillAuthor(post.Author, from.Author, filled);
        var metrics = FillMetrics(post.Metrics, from.Metrics, filled);
        return post with
        {
            Author = author,
            Metrics = metrics,
            PublishedAt = Take(post.PublishedAt, from.PublishedAt, "publishedAt", filled),
            Title = fillText ? Take(post.Title, from.Title, "title", filled) : post.Title,
            Text = fillText ? Take(post.Text, from.Text, "text", filled) : post.Text,
            Url = Take(post.Url, from.Url, "url", filled),
            Language = Take(post.Language, from.Language, "language", filled),
            Community = Take(post.Community, from.Community, "community", filled),
            Media = post.Media.Count == 0 && from.Media.Count > 0 ? Note(from.Media, "media", filled) : post.Media,
        };
    }

    private static Author? FillAuthor(Author? author, Author? from, List<string> filled)
    {
        if (from is null)
        {
            return author;
        }

        if (author is null)
        {
            filled.Add("author");
            return from;
        }

        return author with
        {
            Id = Take(author.Id, from.Id, "author.id", filled),
            Handle = Take(author.Handle, from.Handle, "author.handle", filled),
            Name = Take(author.Name, from.Name, "author.name", filled),
            Url = Take(author.Url, from.Url, "author.url", filled),
        };
    }

    private static Metrics FillMetrics(Metrics metrics, Metrics from, List<string> filled) => metrics with
    {
        Likes = Take(metrics.Likes, from.Likes, "metrics.likes", filled),
        Comments = Take(metrics.Comments, from.Comments, "metrics.comments", filled),
        Shares = Take(metrics.Shares, from.Shares, "metrics.shares", filled),
        Views = Take(metrics.Views, from.Views, "metrics.views", filled),
        Score = Take(metrics.Score, from.Score, "metrics.score", filled),
    };

    private static T? Take<T>(T? value, T? from, string field, List<string> filled)
        where T : class
    {
        if (value is not null || from is null || from is string { Length: 0 })
        {
            return value;
        }

        filled.Add(field);
        return from;
    }

    private static T? Take<T>(T? value, T? from, string field, List<string> filled)
        where T : struct
    {
        if (value is not null || from is null)
        {
            return value;
        }

        filled.Add(field);
        return from;
    }

    private static T Note<T>(T value, string field, List<string> filled)
    {
        filled.Add(field);
        return value;
    }
}
