using Collector.Model;
using Collector.Storage;

namespace Collector.Evidence.Bundles;

/// <summary>
/// How a bundle ties each post version it carries to the custody log: the version's seal recomputed from the version
/// as the bundle holds it (the same canonical form the archive sealed it in, <see cref="RecordSeal.Version(string, int, string, long, string?, string, string?)"/>),
/// the export entry that seals every version the bundle carries, and the chain from the earliest entry it needs to that
/// export entry (entries in between without their seals, which their hashes cover only by digest).
/// </summary>
public static class BundleSeals
{
    public const string ExportAction = "export";
    public const string AnchorFile = "custody/anchor.json";

    /// <summary>The seal of one version, from the post's history as the bundle carries it.</summary>
    public static Seal Of(PostKey key, PostVersion v) => RecordSeal.Version(
        RecordSeal.PostKeyText(key), v.Number, v.ContentHash, v.FirstSeen.UtcTicks, v.CaptureId,
        CollectorJson.Serialize(v.Post), v.Number == 1 ? null : CollectorJson.Serialize(v.Changes));

    public static IReadOnlyList<Seal> Of(IEnumerable<PostHistory> posts) => posts.SelectMany(h => h.Versions.Select(v => Of(h.Key, v))).ToList();

    /// <summary>
    /// The entries a bundle carries: every entry from the earliest <paramref name="needed"/> or <paramref name="linked"/>
    /// one (a stamped head) to <paramref name="head"/>, the needed ones whole, the others without their seals (still
    /// linking the chain).
    /// </summary>
    public static List<CustodyEntry> Chain(IReadOnlyList<CustodyEntry> log, ISet<long> needed, IEnumerable<long> linked, CustodyEntry head)
    {
        var first = needed.Concat(linked).Append(head.Sequence).Min();
        return log.Where(e => e.Sequence >= first && e.Sequence < head.Sequence)
            .Select(e => needed.Contains(e.Sequence) ? e : CustodyChain.WithoutSeals(e))
            .Append(head).ToList();
    }
}

/// <summary>The head a bundle's chain ends at, as anchored in the archive's anchor file when the bundle was made.</summary>
public sealed record BundleAnchor(long Sequence, string Hash, string At, string Reason);
