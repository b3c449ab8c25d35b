namespace Collector.Detection.Output;

/// <summary>One colour per platform, close to each brand's own, for charts and chips.</summary>
internal static class PlatformColors
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["x"] = "#14171a", ["facebook"] = "#1877f2", ["reddit"] = "#ff4500", ["quora"] = "#b92b27", ["pinterest"] = "#e60023",
        ["telegram"] = "#229ed9", ["medium"] = "#00ab6c", ["youtube"] = "#c4302b", ["tiktok"] = "#00b2b2", ["tumblr"] = "#36465d",
        ["blogger"] = "#f57d00", ["pixiv"] = "#0096fa", ["vk"] = "#4a76a8", ["bluesky"] = "#1185fe", ["instagram"] = "#c13584",
        ["generic"] = "#7a7a7a",
    };

    private static readonly string[] Fallback = ["#8e44ad", "#16a085", "#d35400", "#2c3e50", "#27ae60", "#c0392b"];

    public static string Of(string platform) =>
        Known.TryGetValue(platform, out var color) ? color : Fallback[(int)((uint)StringComparer.Ordinal.GetHashCode(platform) % Fallback.Length)];
}
