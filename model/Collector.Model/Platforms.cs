namespace Collector.Model;

/// <summary>The lower-case platform keys of <see cref="Post.Platform"/>.</summary>
public static class Platforms
{
    public const string Reddit = "reddit";
    public const string Quora = "quora";
    public const string Pinterest = "pinterest";
    public const string Telegram = "telegram";
    public const string Medium = "medium";
    public const string YouTube = "youtube";
    public const string X = "x";
    public const string Facebook = "facebook";
    public const string TikTok = "tiktok";
    public const string Tumblr = "tumblr";
    public const string Blogger = "blogger";
    public const string Pixiv = "pixiv";
    public const string Vk = "vk";
    public const string Bluesky = "bluesky";
    public const string Instagram = "instagram";
    public const string Generic = "generic";

    public static IReadOnlyList<string> All { get; } =
    [
        Reddit, Quora, Pinterest, Telegram, Medium, YouTube, X, Facebook, TikTok, Tumblr, Blogger, Pixiv, Vk, Bluesky,
        Instagram, Generic,
    ];

    public static bool IsKnown(string? key) => key is not null && All.Contains(key, StringComparer.Ordinal);
}

/// <summary>The values of <see cref="Post.Kind"/>.</summary>
public static class PostKinds
{
    public const string Post = "post";
    public const string Comment = "comment";
    public const string Answer = "answer";
    public const string Question = "question";
    public const string Pin = "pin";
    public const string Video = "video";
    public const string Message = "message";
    public const string Article = "article";
    public const string Profile = "profile";

    public static IReadOnlyList<string> All { get; } = [Post, Comment, Answer, Question, Pin, Video, Message, Article, Profile];
}
