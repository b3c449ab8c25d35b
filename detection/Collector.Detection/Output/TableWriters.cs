using System.Text;
using System.Text.Json;
using Collector.Model;

namespace Collector.Detection.Output;

/// <summary>chains.json/csv, accounts.json/csv and edges.csv.</summary>
internal static class TableWriters
{
    public static string ChainsJson(DetectionResult result) =>
        JsonSerializer.Serialize(new { chains = result.Chains }, CollectorJson.Indented);

    public static string AccountsJson(DetectionResult result) =>
        JsonSerializer.Serialize(new { accounts = result.Accounts }, CollectorJson.Indented);

    public static string ChainsCsv(DetectionResult result)
    {
        var b = new StringBuilder();
        Csv.Row(b, "chain_id", "position", "role", "platform", "post_id", "published_at", "author", "matched_by", "url", "chain_platforms", "cross_platform", "spread_seconds");
        foreach (var chain in result.Chains)
        {
            var platforms = string.Join(';', chain.Platforms);
            for (var k = 0; k < chain.Posts.Count; k++)
            {
                var p = chain.Posts[k];
                Csv.Row(b, chain.Id, k, p.Role, p.Platform, p.Id, p.PublishedAt, p.Author, string.Join(';', p.MatchedBy), p.Url, platforms, chain.CrossPlatform, chain.SpreadSeconds);
            }
        }

        return b.ToString();
    }

    public static string AccountsCsv(DetectionResult result)
    {
        var b = new StringBuilder();
        Csv.Row(b, "platform", "handle", "flags", "post_count", "office_hours_share", "weekend_share", "break_share", "language_before", "language_after",
            "switched_at", "dormant_days", "topic_overlap", "off_topic_replies", "off_topic_parents", "community", "community_size", "partners", "shift_evidence", "shift_confidence");
        foreach (var a in result.Accounts)
        {
            var e = a.Evidence;
            Csv.Row(b, a.Platform, a.Handle, string.Join(';', a.Flags), e.PostCount, e.Shift?.OfficeHoursShare, e.Shift?.WeekendShare, e.Shift?.BreakShare,
                e.LanguageSwitch?.LanguageBefore, e.LanguageSwitch?.LanguageAfter, e.LanguageSwitch?.SwitchedAt, e.LanguageSwitch?.DormantDays,
                e.LanguageSwitch?.TopicOverlap, e.OffTopic?.OffTopicReplies, e.OffTopic?.DistinctParents, e.Coordination?.Community,
                e.Coordination?.CommunitySize, e.Coordination is null ? null : string.Join(';', e.Coordination.Partners), e.Shift?.Evidence, e.Shift?.Confidence);
        }

        return b.ToString();
    }

    public static string EdgesCsv(DetectionResult result)
    {
        var network = result.Network;
        var community = network.Nodes.ToDictionary(n => n.Id, n => n.Community, StringComparer.Ordinal);
        var b = new StringBuilder();
        var header = new List<object?> { "source", "target", "weight" };
        header.AddRange(network.ReportWindows.Select(w => (object?)("weight_" + WindowLabel.Of(w))));
        header.AddRange(["source_community", "target_community", "chains"]);
        Csv.Row(b, [.. header]);
        foreach (var e in network.Edges)
        {
            var row = new List<object?> { e.Source, e.Target, e.Weight };
            row.AddRange(e.WeightsByWindow.Select(w => (object?)w));
            row.AddRange([community[e.Source], community[e.Target], string.Join(';', e.Chains)]);
            Csv.Row(b, [.. row]);
        }

        return b.ToString();
    }
}
