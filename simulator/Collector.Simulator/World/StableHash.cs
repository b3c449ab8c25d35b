namespace Collector.Simulator.World;

/// <summary>A string hash that is the same in every process (string.GetHashCode is randomized per process).</summary>
public static class StableHash
{
    public static uint Of(string text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = unchecked((h ^ c) * 16777619u);
        }

        return h;
    }

    /// <summary>Quora's question slug: the title's letters and digits joined by hyphens.</summary>
    public static string QuoraSlug(string title)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in title)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return string.Join('-', sb.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
