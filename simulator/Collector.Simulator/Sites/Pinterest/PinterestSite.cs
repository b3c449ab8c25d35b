using System.Text.Json;
using System.Text.Json.Nodes;
using Collector.Model;
using Collector.Simulator.Hosting;
using Collector.Simulator.World;
using Microsoft.AspNetCore.Http;

namespace Collector.Simulator.Sites.Pinterest;

/// <summary>
/// The simulated Pinterest host: boards <c>/{user}/{board}/</c> (first page inline, more from
/// <c>/resource/BoardFeedResource/get/?data={"options":{"board_id":…,"bookmarks":[…]}}</c> until the bookmark is "-end-"),
/// pins <c>/pin/{id}/</c> (404 once deleted). Images are on the media host.
/// </summary>
public sealed class PinterestSite(SimContext sim) : ISimSite
{
    public SimPlatform Platform => SimPlatform.Pinterest;

    public string Robots => "User-agent: *\nDisallow: /private/\nDisallow: /login/\nAllow: /\n";

    public Task HandleAsync(HttpContext context)
    {
        var s = HttpWrite.Segments(context);
        var state = sim.World.State;
        return s switch
        {
            ["pin", var id] when state.Find(SimPlatform.Pinterest, id) is { IsLive: true } pin => HttpWrite.Html(context, PinterestHtml.PinPage(sim, pin)),
            ["pin", _] => HttpWrite.Html(context, PinterestHtml.NotFound(), StatusCodes.Status404NotFound),
            ["resource", "BoardFeedResource", "get"] => Feed(context, state),
            [var user, var board] when Pins(state, $"{user}/{board}") is { Count: > 0 } pins => Board(context, $"{user}/{board}", pins),
            _ => HttpWrite.Html(context, PinterestHtml.NotFound(), StatusCodes.Status404NotFound),
        };
    }

    /// <summary>Live pins of a board, newest first (the board's order).</summary>
    public static List<SimPost> Pins(WorldState state, string community) =>
        [.. state.InCommunity(SimPlatform.Pinterest, community).Where(p => p.Kind == PostKinds.Pin && p.IsLive)];

    private Task Board(HttpContext context, string community, List<SimPost> pins)
    {
        var size = sim.Options.PageSize;
        var bookmark = pins.Count > size ? PinterestJson.Bookmark(size) : PinterestJson.End;
        return HttpWrite.Html(context, PinterestHtml.BoardPage(sim, community, [.. pins.Take(size)], bookmark));
    }

    private Task Feed(HttpContext context, WorldState state)
    {
        string? boardId = null;
        string? bookmark = null;
        try
        {
            using var doc = JsonDocument.Parse(context.Request.Query["data"].ToString());
            var options = doc.RootElement.GetProperty("options");
            boardId = options.GetProperty("board_id").GetString();
            bookmark = options.TryGetProperty("bookmarks", out var b) && b.GetArrayLength() > 0 ? b[0].GetString() : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return HttpWrite.Json(context, """{"resource_response":{"status":"failure","code":400,"message":"Invalid request"}}""", StatusCodes.Status400BadRequest);
        }

        var community = state.Communities(SimPlatform.Pinterest).FirstOrDefault(c => PinterestJson.BoardId(c) == boardId);
        if (community is null)
        {
            return HttpWrite.Json(context, """{"resource_response":{"status":"failure","code":404,"message":"Board not found"}}""", StatusCodes.Status404NotFound);
        }

        var pins = Pins(state, community);
        var offset = PinterestJson.Offset(bookmark) ?? (bookmark == PinterestJson.End ? pins.Count : 0);
        var size = sim.Options.PageSize;
        var page = pins.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < pins.Count ? PinterestJson.Bookmark(offset + page.Count) : PinterestJson.End;
        var response = new JsonObject
        {
            ["resource_response"] = new JsonObject
            {
                ["status"] = "success",
                ["code"] = 0,
                ["message"] = "ok",
                ["endpoint_name"] = "v3_board_feed",
                ["data"] = new JsonArray([.. page.Select(p => (JsonNode)PinterestJson.ReduxPin(sim, p))]),
                ["bookmark"] = next,
            },
            ["resource"] = new JsonObject
            {
                ["name"] = "BoardFeedResource",
                ["options"] = new JsonObject { ["board_id"] = boardId, ["bookmarks"] = new JsonArray(next), ["page_size"] = size },
            },
            ["client_context"] = new JsonObject(),
        };
        return HttpWrite.Json(context, response.ToJsonString());
    }
}
