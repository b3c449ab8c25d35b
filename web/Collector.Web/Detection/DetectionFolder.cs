using System.Text.Json;
using Collector.Detection;
using Collector.Model;

namespace Collector.Web.Detection;

/// <summary>
/// The latest output of `collector detect` in --detect-dir (chains.json, accounts.json, edges.csv), read again whenever
/// a file changes; null parts when the folder is not set or a file is missing.
/// </summary>
public sealed class DetectionFolder(ServeOptions options)
{
    private readonly Lock gate = new();
    private Snapshot? cached;

    public bool Configured => options.DetectDir is not null;

    public string? Path => options.DetectDir;

    public Snapshot? Current()
    {
        if (options.DetectDir is null)
        {
            return null;
        }

        var stamp = string.Join('|', new[] { "chains.json", "accounts.json", "edges.csv" }
            .Select(f => System.IO.Path.Combine(options.DetectDir, f))
            .Select(f => File.Exists(f) ? File.GetLastWriteTimeUtc(f).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-"));
        lock (gate)
        {
            if (cached is null || cached.Stamp != stamp)
            {
                cached = Load(options.DetectDir, stamp);
            }

            return cached;
        }
    }

    private static Snapshot Load(string dir, string stamp)
    {
        var chains = Read<ChainsFile>(dir, "chains.json")?.Chains ?? [];
        var accounts = Read<AccountsFile>(dir, "accounts.json")?.Accounts ?? [];
        var edges = EdgesCsv.Read(System.IO.Path.Combine(dir, "edges.csv"));
        var flagged = new HashSet<PostKey>();
        foreach (var c in chains)
        {
            flagged.UnionWith(c.Posts.Select(p => new PostKey(p.Platform, p.Id)));
        }

        foreach (var a in accounts)
        {
            flagged.UnionWith(AccountEvidencePosts.Of(a).Select(p => new PostKey(p.Platform, p.Id)));
        }

        return new Snapshot(stamp, chains, accounts, edges, flagged, File.Exists(System.IO.Path.Combine(dir, "chains.json")) ? File.GetLastWriteTimeUtc(System.IO.Path.Combine(dir, "chains.json")) : null);
    }

    private static T? Read<T>(string dir, string name)
    {
        var path = System.IO.Path.Combine(dir, name);
        if (!File.Exists(path))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), CollectorJson.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not the output of `collector detect` ({ex.Message})", ex);
        }
    }

    public sealed record Snapshot(
        string Stamp, IReadOnlyList<RepostChain> Chains, IReadOnlyList<AccountFinding> Accounts, IReadOnlyList<EdgeRow> Edges,
        IReadOnlySet<PostKey> FlaggedPosts, DateTime? WrittenUtc);

    private sealed record ChainsFile(IReadOnlyList<RepostChain> Chains);

    private sealed record AccountsFile(IReadOnlyList<AccountFinding> Accounts);
}

/// <summary>Every post an account's evidence cites, once.</summary>
public static class AccountEvidencePosts
{
    public static IEnumerable<EvidencePost> Of(AccountFinding a)
    {
        var e = a.Evidence;
        var all = (e.Shift?.SamplePosts ?? [])
            .Concat(e.LanguageSwitch?.LastBefore ?? []).Concat(e.LanguageSwitch?.FirstAfter ?? [])
            .Concat(e.OffTopic?.Replies.SelectMany(r => new[] { r.Reply }) ?? []);
        return all.DistinctBy(p => (p.Platform, p.Id));
    }
}
