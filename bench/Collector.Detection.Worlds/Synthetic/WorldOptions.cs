namespace Collector.Detection.Synthetic;

/// <summary>The size and make-up of a synthetic world; <see cref="ForPosts"/> scales every part to a target post count.</summary>
public sealed record WorldOptions
{
    public int Seed { get; init; } = 42;
    public DateTimeOffset Start { get; init; } = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
    public int Days { get; init; } = 150;
    public int OrganicAccounts { get; init; } = 380;
    public int MeanOrganicPosts { get; init; } = 20;
    public int CampaignAccounts { get; init; } = 20;
    public int CampaignCellSize { get; init; } = 20;
    public int CampaignItems { get; init; } = 40;
    public int OffTopicRepliers { get; init; } = 5;
    public int RepurposedAccounts { get; init; } = 4;
    public int VeryActiveDecoys { get; init; } = 2;
    public int BilingualDecoys { get; init; } = 4;
    public int NewsLinks { get; init; } = 20;
    public int ViralMemes { get; init; } = 5;

    /// <summary>Share of image posts whose bytes were archived (a PDQ hash); the rest carry only the media URL.</summary>
    public double ArchivedImageShare { get; init; } = 0.5;

    /// <summary>A world of about <paramref name="posts"/> posts with every part scaled alike (10k posts is the unit).</summary>
    public static WorldOptions ForPosts(int posts, int seed = 42)
    {
        var s = posts / 10_000.0;
        int Scale(double perUnit, int min) => Math.Max(min, (int)Math.Round(perUnit * s));
        var campaignAccounts = Scale(20, 8);
        var fixedPosts = (campaignAccounts * 27) + (Scale(40, 6) * 8) + (Scale(5, 2) * 9) + (Scale(4, 2) * 30)
            + (Scale(2, 1) * 150) + (Scale(4, 2) * 40) + (Scale(20, 4) * 40) + (Scale(5, 2) * 30);
        return new WorldOptions
        {
            Seed = seed,
            CampaignAccounts = campaignAccounts,
            CampaignCellSize = Math.Min(20, campaignAccounts),
            CampaignItems = Scale(40, 6),
            OffTopicRepliers = Scale(5, 2),
            RepurposedAccounts = Scale(4, 2),
            VeryActiveDecoys = Scale(2, 1),
            BilingualDecoys = Scale(4, 2),
            NewsLinks = Scale(20, 4),
            ViralMemes = Scale(5, 2),
            OrganicAccounts = Math.Max(20, (posts - fixedPosts) / 18),
        };
    }
}
