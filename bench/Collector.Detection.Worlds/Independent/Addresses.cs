using System.Globalization;

namespace Collector.Detection.Worlds.Independent;

/// <summary>
/// Where a post lives on its platform, and the other spellings the same address takes when people share it: mobile
/// and old hosts, http, tracking parameters, fragments, trailing slashes, the platforms' own short links and the
/// redirect wrappers platforms put around outbound links. Every spelling here leads a browser to the same post.
/// </summary>
internal static class Addresses
{
    private static readonly string[] TrackingParameters =
        ["utm_source=twitter", "utm_medium=social", "utm_campaign=share", "fbclid=IwAR2x9", "igshid=MzRlODBiNWFlZA",
         "ref=share", "ref_src=twsrc%5Etfw", "mc_cid=4f2a", "gclid=Cj0KCQ", "s=20", "si=Qm3bT"];

    public static string PostUrl(string platform, string handle, string id, string community, string slug) => platform switch
    {
        "reddit" => $"https://www.reddit.com/r/{community}/comments/{id}/{slug}/",
        "x" => $"https://x.com/{handle}/status/{id}",
        "youtube" => $"https://www.youtube.com/watch?v={id}",
        "telegram" => $"https://t.me/{community}/{id}",
        "medium" => $"https://medium.com/@{handle}/{slug}-{id}",
        "blogger" => $"https://{handle}.blogspot.com/2026/{slug}-{id}.html",
        "facebook" => $"https://www.facebook.com/{handle}/posts/{id}",
        "vk" => $"https://vk.com/wall-{id}",
        "quora" => $"https://www.quora.com/{slug}/answer/{handle}-{id}",
        "pinterest" => $"https://www.pinterest.com/pin/{id}/",
        _ => $"https://forum.example.org/t/{slug}/{id}",
    };

    /// <summary>Another spelling of <paramref name="url"/> (a post's address) a sharer might paste.</summary>
    public static string Disguise(string url, string platform, string id, Random random)
    {
        var u = new Uri(url);
        var choice = random.Next(8);
        switch (choice)
        {
            case 0:
                return url;
            case 1:
                return AddQuery(url, Tracking(random));
            case 2:
                return ShortLink(platform, id, u) ?? AddQuery(url, Tracking(random));
            case 3:
                return Wrap(AddQuery(url, Tracking(random)), random);
            case 4:
                return MobileHost(u, platform) + (random.Next(2) == 0 ? "#comments" : "");
            case 5:
                return "http://" + u.Host + u.PathAndQuery + (u.AbsolutePath.EndsWith('/') || u.Query.Length > 0 ? "" : "/");
            case 6:
                return Wrap(url, random);
            default:
                return AddQuery(MobileHost(u, platform), Tracking(random)) + "#:~:text=read";
        }
    }

    /// <summary>A news site's article address, as the site publishes it.</summary>
    public static string NewsUrl(Random random, int n)
    {
        string[] sites = ["www.reuters.com/world", "www.bbc.com/news", "apnews.com/article", "www.theguardian.com/world/2026", "www.dw.com/en", "www.aljazeera.com/news"];
        var site = sites[random.Next(sites.Length)];
        return string.Create(CultureInfo.InvariantCulture, $"https://{site}/story-{n}-{random.Next(100000, 999999)}");
    }

    /// <summary>A news address as a sharer pastes it: tracking, mobile host, wrapper or as is.</summary>
    public static string ShareNews(string url, Random random) => random.Next(5) switch
    {
        0 => AddQuery(url, Tracking(random)),
        1 => url.Replace("https://www.", "https://", StringComparison.Ordinal) + "/",
        2 => Wrap(url, random),
        _ => url,
    };

    private static string Tracking(Random random)
    {
        var n = random.Next(1, 4);
        return string.Join('&', Enumerable.Range(0, n).Select(_ => TrackingParameters[random.Next(TrackingParameters.Length)]).Distinct(StringComparer.Ordinal));
    }

    private static string AddQuery(string url, string query)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? url[hash..] : "";
        var bare = hash >= 0 ? url[..hash] : url;
        return bare + (bare.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query + fragment;
    }

    private static string? ShortLink(string platform, string id, Uri u) => platform switch
    {
        "reddit" => $"https://redd.it/{id}",
        "youtube" => $"https://youtu.be/{id}",
        "x" => $"https://twitter.com{u.AbsolutePath}",
        "telegram" => $"https://t.me/s{u.AbsolutePath}",
        _ => null,
    };

    private static string MobileHost(Uri u, string platform)
    {
        var bare = u.Host.StartsWith("www.", StringComparison.Ordinal) ? u.Host[4..] : u.Host;
        var host = platform switch
        {
            "reddit" => "old." + bare,
            "x" => "mobile.twitter.com",
            "facebook" => "m." + bare,
            "youtube" => "m." + bare,
            "vk" => "m." + bare,
            _ => u.Host.StartsWith("www.", StringComparison.Ordinal) ? bare : "www." + u.Host,
        };
        return "https://" + host + u.PathAndQuery;
    }

    private static string Wrap(string url, Random random)
    {
        var inner = Uri.EscapeDataString(url);
        return random.Next(4) switch
        {
            0 => $"https://l.facebook.com/l.php?u={inner}&h=AT0x9",
            1 => $"https://www.google.com/url?q={inner}&sa=D&source=editors",
            2 => $"https://vk.com/away.php?to={inner}&cc_key=",
            _ => $"https://out.reddit.com/t3_x?url={inner}&token=AQAA",
        };
    }
}
