using Collector.Model;
using Collector.Simulator.World;
using Collector.Storage;

namespace Collector.Cli.Demo;

/// <summary>
/// The archive held against the simulated world's own record of what it edited and deleted, post by post: edits that
/// became versions, deletions that became tombstones, and what the archive claims that never happened (versions of
/// posts nobody edited, tombstones of posts nobody deleted). Written as <c>report/demo-check.json</c>.
/// </summary>
public sealed record DemoCheck
{
    public const string FileName = "demo-check.json";

    /// <summary>Posts the world edited that the archive holds.</summary>
    public required int EditsArchived { get; init; }

    /// <summary>Of those, how many have a later version.</summary>
    public required int EditsNoticed { get; init; }

    /// <summary>Posts with more than one version that the world never edited (should be none).</summary>
    public required IReadOnlyList<string> SpuriousVersions { get; init; }

    /// <summary>Posts the world deleted that the archive holds.</summary>
    public required int DeletionsArchived { get; init; }

    public required int DeletionsNoticed { get; init; }

    /// <summary>Deleted posts without a tombstone, with their kind ("comment" when the platform just drops it from the thread).</summary>
    public required IReadOnlyList<string> DeletionsMissed { get; init; }

    /// <summary>Tombstones of posts the world never deleted (should be none).</summary>
    public required IReadOnlyList<string> FalseTombstones { get; init; }

    /// <summary>Detection against the world's record: chains complete, split, merged, missed, false; per flag precision and recall.</summary>
    public DemoDetectionCheck? Detection { get; init; }

    public static async Task<DemoCheck> RunAsync(IArchive archive, IReadOnlyList<CycleReport> story, CancellationToken cancellationToken)
    {
        var edited = story.SelectMany(c => c.Edited).Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
        var deleted = story.SelectMany(c => c.Deleted).Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
        int editsArchived = 0, editsNoticed = 0, deletionsArchived = 0, deletionsNoticed = 0;
        List<string> spurious = [], missed = [], falseTombstones = [];
        await foreach (var post in archive.QueryPostsAsync(new PostQuery(), cancellationToken))
        {
            var key = post.Post.Key.ToString();
            var versioned = post.VersionCount > 1;
            if (edited.Contains(key))
            {
                editsArchived++;
                editsNoticed += versioned ? 1 : 0;
            }
            else if (versioned)
            {
                spurious.Add(key);
            }

            if (deleted.Contains(key))
            {
                deletionsArchived++;
                if (post.Tombstone is null)
                {
                    missed.Add($"{key} ({post.Post.Kind})");
                }
                else
                {
                    deletionsNoticed++;
                }
            }
            else if (post.Tombstone is not null)
            {
                falseTombstones.Add(key);
            }
        }

        return new DemoCheck
        {
            EditsArchived = editsArchived,
            EditsNoticed = editsNoticed,
            SpuriousVersions = spurious,
            DeletionsArchived = deletionsArchived,
            DeletionsNoticed = deletionsNoticed,
            DeletionsMissed = missed,
            FalseTombstones = falseTombstones,
        };
    }
}
