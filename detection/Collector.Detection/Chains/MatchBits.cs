namespace Collector.Detection.Chains;

/// <summary>The signals that tie a post to its chain, as bits.</summary>
[Flags]
internal enum MatchBits : byte
{
    None = 0,
    Text = 1,
    Link = 2,
    Image = 4,
    Repost = 8,

    /// <summary>The post links to another archived post, or is the post linked to.</summary>
    LinkToPost = 16,
}

internal static class MatchBitsExtensions
{
    public static IReadOnlyList<string> ToWire(this MatchBits bits)
    {
        var list = new List<string>(3);
        if (bits.HasFlag(MatchBits.Text))
        {
            list.Add("text");
        }

        if (bits.HasFlag(MatchBits.Link))
        {
            list.Add("link");
        }

        if (bits.HasFlag(MatchBits.Image))
        {
            list.Add("image");
        }

        if (bits.HasFlag(MatchBits.Repost))
        {
            list.Add("repost");
        }

        if (bits.HasFlag(MatchBits.LinkToPost))
        {
            list.Add("link-to-post");
        }

        return list;
    }
}
