using Collector.Detection.Chains;
using Collector.Detection.Text;

namespace Collector.Detection.Behaviour;

/// <summary>
/// Off-topic replies: replies sharing no content word with the post they answer, pasted nearly identically (same text
/// group) under several unrelated posts (parents in different chains or none). On-topic replies reuse the parent's words.
/// </summary>
internal sealed class OffTopicReplyDetector
{
    private readonly PostTable table;
    private readonly Dictionary<(string, string), int> byKey;
    private readonly Dictionary<int, HashSet<uint>> words = [];

    public OffTopicReplyDetector(PostTable table)
    {
        this.table = table;
        byKey = new Dictionary<(string, string), int>(table.Count);
        for (var i = 0; i < table.Count; i++)
        {
            byKey[(table.Posts[i].Post.Platform, table.Posts[i].Post.Id)] = i;
        }
    }

    public OffTopicEvidence? Detect(List<int> posts, Func<int, long> textGroup, int[] chainOf, DetectionOptions options)
    {
        var offTopic = new List<(int Reply, int Parent, double Overlap, long Group)>();
        foreach (var i in posts)
        {
            var p = table.Posts[i].Post;
            if (p.ParentId is null || !byKey.TryGetValue((p.Platform, p.ParentId), out var parent))
            {
                continue;
            }

            var group = textGroup(i);
            if (group == 0)
            {
                continue;
            }

            var reply = Words(i);
            var parentWords = Words(parent);
            if (reply.Count == 0 || parentWords.Count == 0)
            {
                continue;
            }

            var common = reply.Count(parentWords.Contains);
            var overlap = (double)common / Math.Min(reply.Count, parentWords.Count);
            if (common <= 1 && overlap <= 0.1)
            {
                offTopic.Add((i, parent, overlap, group));
            }
        }

        var repeated = offTopic.GroupBy(r => r.Group)
            .Where(g => DistinctTopics(g.Select(r => r.Parent), chainOf) >= options.OffTopicMinRepeats)
            .SelectMany(g => g)
            .OrderBy(r => table.Times[r.Reply])
            .ToList();
        if (repeated.Count < options.OffTopicMinRepeats)
        {
            return null;
        }

        return new OffTopicEvidence
        {
            OffTopicReplies = repeated.Count,
            DistinctParents = repeated.Select(r => r.Parent).Distinct().Count(),
            Replies = repeated.Take(12).Select(r => new OffTopicReply(table.Evidence(r.Reply), table.Evidence(r.Parent), Math.Round(r.Overlap, 3))).ToList(),
        };
    }

    /// <summary>Parents that are not copies of one another: a parent in a chain counts once per chain.</summary>
    private static int DistinctTopics(IEnumerable<int> parents, int[] chainOf) =>
        parents.Select(p => chainOf[p] >= 0 ? -1 - chainOf[p] : p).Distinct().Count();

    private HashSet<uint> Words(int i)
    {
        if (!words.TryGetValue(i, out var set))
        {
            var p = table.Posts[i].Post;
            words[i] = set = TextFeaturizer.ContentWords(string.IsNullOrEmpty(p.Title) ? p.Text : p.Title + " " + p.Text);
        }

        return set;
    }
}
