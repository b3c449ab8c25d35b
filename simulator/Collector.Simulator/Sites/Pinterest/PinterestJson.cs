using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Collector.Simulator.Hosting;
using Collector.Simulator.World;

namespace Collector.Simulator.Sites.Pinterest;

/// <summary>
/// Pinterest's data shapes: the snake_case pin objects of <c>initialReduxState</c> and the BoardFeedResource, and the
/// camelCase <c>v3GetPinQuery.data</c> of a pin page's relay response.
/// </summary>
public static class PinterestJson
{
    public const string End = "-end-";

    public static string CreatedAt(DateTimeOffset t) => t.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static string Bookmark(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"Y2:{offset}|sim"));

    public static int? Offset(string? bookmark)
    {
        if (string.IsNullOrEmpty(bookmark) || bookmark == End)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(bookmark));
            return text.StartsWith("Y2:", StringComparison.Ordinal) && int.TryParse(text[3..text.IndexOf('|', StringComparison.Ordinal)], CultureInfo.InvariantCulture, out var n) ? n : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string BoardId(string community) => (100000000000000000L + (StableHash.Of(community) % 899999999999L)).ToString(CultureInfo.InvariantCulture);

    public static string BoardUrl(string community) => $"/{community}/";

    /// <summary>A pin as initialReduxState and BoardFeedResource carry it.</summary>
    public static JsonObject ReduxPin(SimContext sim, SimPost pin)
    {
        var pinner = sim.World.State.Account(SimPlatform.Pinterest, pin.AuthorHandle);
        return new JsonObject
        {
            ["node_id"] = B64($"Pin:{pin.Id}"),
            ["id"] = pin.Id,
            ["type"] = "pin",
            ["title"] = pin.Title,
            ["grid_title"] = pin.Title,
            ["description"] = pin.Text,
            ["created_at"] = CreatedAt(pin.PublishedAt),
            ["link"] = pin.Link,
            ["domain"] = pin.Link is null ? "Uploaded by user" : new Uri(pin.Link).Host,
            ["seo_url"] = $"/pin/{pin.Id}/",
            ["repin_count"] = pin.Score,
            ["images"] = new JsonObject
            {
                ["236x"] = Image(sim, pin, "236x"),
                ["736x"] = Image(sim, pin, "736x"),
                ["orig"] = Image(sim, pin, "originals"),
            },
            ["pinner"] = new JsonObject
            {
                ["node_id"] = B64($"User:{pinner?.AccountId}"),
                ["id"] = pinner?.AccountId,
                ["username"] = pin.AuthorHandle,
                ["full_name"] = pinner?.DisplayName,
                ["type"] = "user",
            },
            ["board"] = Board(pin.Community),
            ["native_creator"] = null,
        };
    }

    /// <summary>The pin page's <c>v3GetPinQuery.data</c>.</summary>
    public static JsonObject RelayPin(SimContext sim, SimPost pin)
    {
        var pinner = sim.World.State.Account(SimPlatform.Pinterest, pin.AuthorHandle);
        var user = new JsonObject
        {
            ["entityId"] = pinner?.AccountId,
            ["id"] = B64($"User:{pinner?.AccountId}"),
            ["__typename"] = "User",
            ["username"] = pin.AuthorHandle,
            ["fullName"] = pinner?.DisplayName,
        };
        return new JsonObject
        {
            ["entityId"] = pin.Id,
            ["id"] = B64($"Pin:{pin.Id}"),
            ["title"] = pin.Title,
            ["gridTitle"] = pin.Title,
            ["description"] = pin.Text,
            ["closeupUnifiedDescription"] = pin.Text,
            ["seoTitle"] = $"Pin by {pinner?.DisplayName} on {BoardName(pin.Community)}",
            ["createdAt"] = CreatedAt(pin.PublishedAt),
            ["link"] = pin.Link,
            ["domain"] = pin.Link is null ? "Uploaded by user" : new Uri(pin.Link).Host,
            ["imageSpec_orig"] = Image(sim, pin, "originals"),
            ["imageSpec_736x"] = Image(sim, pin, "736x"),
            ["imageSpec_236x"] = Image(sim, pin, "236x"),
            ["imageLargeUrl"] = pin.ImageId is null ? null : sim.ImageUrl(pin.ImageId, "736x"),
            ["pinner"] = user,
            ["originPinner"] = user.DeepClone(),
            ["nativeCreator"] = user.DeepClone(),
            ["board"] = new JsonObject
            {
                ["entityId"] = BoardId(pin.Community),
                ["id"] = B64($"Board:{BoardId(pin.Community)}"),
                ["name"] = BoardName(pin.Community),
                ["url"] = BoardUrl(pin.Community),
                ["privacy"] = "public",
            },
            ["repinCount"] = pin.Score,
        };
    }

    public static JsonObject Board(string community) => new()
    {
        ["node_id"] = B64($"Board:{BoardId(community)}"),
        ["id"] = BoardId(community),
        ["name"] = BoardName(community),
        ["url"] = BoardUrl(community),
        ["privacy"] = "public",
        ["type"] = "board",
    };

    public static string BoardName(string community)
    {
        var slug = community[(community.IndexOf('/', StringComparison.Ordinal) + 1)..].Replace('-', ' ');
        return char.ToUpperInvariant(slug[0]) + slug[1..];
    }

    private static JsonObject? Image(SimContext sim, SimPost pin, string size) => pin.ImageId is null ? null : new JsonObject
    {
        ["url"] = sim.ImageUrl(pin.ImageId, size),
        ["width"] = Images.Cartoons.Size,
        ["height"] = Images.Cartoons.Size,
    };

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));
}
