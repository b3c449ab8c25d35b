using Collector.Model;

namespace Collector.Detection;

/// <summary>The run's posts in arrays: index i is one post; accounts and platforms are small integers.</summary>
internal sealed class PostTable
{
    public PostTable(IEnumerable<DetectionPost> posts)
    {
        var seen = new HashSet<(string, string)>();
        var list = new List<DetectionPost>();
        foreach (var post in posts)
        {
            if (seen.Add((post.Post.Platform, post.Post.Id)))
            {
                list.Add(post);
            }
        }

        Posts = [.. list];
        Times = new long[Posts.Length];
        Account = new int[Posts.Length];
        Platform = new int[Posts.Length];
        var accountIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var platformIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Posts.Length; i++)
        {
            var p = Posts[i];
            Times[i] = p.Time.ToUnixTimeSeconds();
            var platform = p.Post.Platform;
            if (!platformIds.TryGetValue(platform, out var pi))
            {
                pi = platformIds.Count;
                platformIds.Add(platform, pi);
                PlatformNames.Add(platform);
            }

            Platform[i] = pi;
            var handle = HandleOf(p.Post);
            if (handle is null)
            {
                Account[i] = -1;
                continue;
            }

            var key = platform + ":" + handle;
            if (!accountIds.TryGetValue(key, out var ai))
            {
                ai = accountIds.Count;
                accountIds.Add(key, ai);
                AccountKeys.Add(key);
                AccountHandles.Add(handle);
                AccountPlatform.Add(pi);
            }

            Account[i] = ai;
        }
    }

    public DetectionPost[] Posts { get; }

    /// <summary>Publication time (first-seen fallback), unix seconds.</summary>
    public long[] Times { get; }

    /// <summary>Account index, or -1 when the post names no author.</summary>
    public int[] Account { get; }

    public int[] Platform { get; }

    public List<string> PlatformNames { get; } = [];

    /// <summary>platform:handle per account index.</summary>
    public List<string> AccountKeys { get; } = [];

    public List<string> AccountHandles { get; } = [];

    public List<int> AccountPlatform { get; } = [];

    public int Count => Posts.Length;

    public static string? HandleOf(Post post)
    {
        var a = post.Author;
        var handle = a?.Handle ?? a?.Id ?? a?.Name;
        return string.IsNullOrWhiteSpace(handle) ? null : handle.Trim().TrimStart('@');
    }

    public EvidencePost Evidence(int i, int maxText = 4000)
    {
        var p = Posts[i].Post;
        var text = p.Text ?? p.Title;
        if (text is not null && text.Length > maxText)
        {
            text = text[..maxText] + "…";
        }

        return new EvidencePost(p.Platform, p.Id, Posts[i].Time, p.Url, text);
    }
}
