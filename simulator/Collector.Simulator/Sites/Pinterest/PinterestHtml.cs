using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Collector.Simulator.Hosting;
using Collector.Simulator.World;
using static System.Net.WebUtility;

namespace Collector.Simulator.Sites.Pinterest;

/// <summary>
/// Pinterest pages: a board's first pins in <c>&lt;script id="__PWS_INITIAL_PROPS__"&gt;</c> (initialReduxState pins, boards,
/// resources.BoardFeedResource with nextBookmark) plus a server-rendered grid; a script loads more pins from
/// <c>/resource/BoardFeedResource/get/</c> as the reader scrolls. A pin page carries
/// <c>&lt;script data-relay-response="true" type="application/json"&gt;</c> with <c>response.data.v3GetPinQuery.data</c>.
/// </summary>
public static class PinterestHtml
{
    public static string BoardPage(SimContext sim, string community, IReadOnlyList<SimPost> pins, string bookmark)
    {
        var boardId = PinterestJson.BoardId(community);
        var pinMap = new JsonObject();
        foreach (var pin in pins)
        {
            pinMap[pin.Id] = PinterestJson.ReduxPin(sim, pin);
        }

        var key = $"board_id=\"{boardId}\",board_url=\"{PinterestJson.BoardUrl(community)}\",field_set_key=\"react_grid_pin\",page_size={sim.Options.PageSize}";
        var props = new JsonObject
        {
            ["initialReduxState"] = new JsonObject
            {
                ["boards"] = new JsonObject { [boardId] = PinterestJson.Board(community) },
                ["pins"] = pinMap,
                ["feeds"] = new JsonObject { [$"board:{boardId}"] = new JsonArray([.. pins.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["type"] = "pin" })]) },
                ["resources"] = new JsonObject
                {
                    ["BoardFeedResource"] = new JsonObject
                    {
                        [key] = new JsonObject
                        {
                            ["data"] = new JsonArray([.. pins.Select(p => (JsonNode)PinterestJson.ReduxPin(sim, p))]),
                            ["nextBookmark"] = bookmark,
                            ["fetching"] = false,
                        },
                    },
                },
            },
            ["isAppShell"] = false,
        };
        var grid = new StringBuilder();
        foreach (var pin in pins)
        {
            grid.Append(Card(sim, pin));
        }

        var name = PinterestJson.BoardName(community);
        var script = $$"""
            <script>
            (function () {
              const grid = document.querySelector('[data-test-id=board-feed]');
              let bookmark = {{System.Text.Json.JsonSerializer.Serialize(bookmark)}}, loading = false;
              const esc = t => (t || '').replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'})[c]);
              async function more() {
                if (loading || bookmark === '{{PinterestJson.End}}') return;
                loading = true;
                const data = { options: { board_id: '{{boardId}}', board_url: '{{PinterestJson.BoardUrl(community)}}', page_size: {{sim.Options.PageSize}}, bookmarks: [bookmark] }, context: {} };
                const r = await fetch('/resource/BoardFeedResource/get/?source_url=' + encodeURIComponent('{{PinterestJson.BoardUrl(community)}}') + '&data=' + encodeURIComponent(JSON.stringify(data)), { headers: { 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' } });
                const json = await r.json();
                json.resource_response.data.forEach(p => grid.insertAdjacentHTML('beforeend',
                  '<div data-test-id="pin" data-test-pin-id="' + p.id + '" class="Yl- MIw Hb7"><a href="/pin/' + p.id + '/" aria-label="' + esc(p.title) + '">' +
                  (p.images && p.images['236x'] ? '<img src="' + p.images['236x'].url + '" alt="' + esc(p.title) + '">' : '') + '</a></div>'));
                bookmark = json.resource_response.bookmark; loading = false;
                if (bookmark === '{{PinterestJson.End}}') grid.dataset.complete = '1';
                else if (document.getElementById('feed-end').getBoundingClientRect().top < innerHeight) more();
              }
              addEventListener('scroll', () => { if (innerHeight + scrollY >= document.body.scrollHeight - 300) more(); });
              new IntersectionObserver(es => es.forEach(e => { if (e.isIntersecting) more(); })).observe(document.getElementById('feed-end'));
              if (bookmark === '{{PinterestJson.End}}') grid.dataset.complete = '1';
            })();
            </script>
            """;
        var body = $"<div id=\"__PWS_ROOT__\"><h1 data-test-id=\"board-name\">{HtmlEncode(name)}</h1>\n<div data-test-id=\"board-feed\" role=\"list\">\n{grid}</div>\n<div id=\"feed-end\" style=\"height:1px\"></div></div>\n{script}";
        return Document($"{name} board on Pinterest", sim.Url(SimPlatform.Pinterest, PinterestJson.BoardUrl(community)), props.ToJsonString(), body);
    }

    public static string PinPage(SimContext sim, SimPost pin)
    {
        var relay = new JsonObject
        {
            ["requestParameters"] = new JsonObject
            {
                ["id"] = "2d644637b3e8013a2f7ba9fbca41df2b563184af137fb7ff7e3543ce380396e5",
                ["metadata"] = new JsonObject(),
                ["name"] = "CloseupDetailQuery",
                ["operationKind"] = "query",
                ["text"] = null,
            },
            ["variables"] = new JsonObject { ["pinId"] = pin.Id, ["isAuth"] = false, ["isDesktop"] = true },
            ["response"] = new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["v3GetPinQuery"] = new JsonObject { ["__typename"] = "PinResponse", ["data"] = PinterestJson.RelayPin(sim, pin) },
                },
            },
        };
        var img = pin.ImageId is null ? string.Empty : $"<img src=\"{HtmlEncode(sim.ImageUrl(pin.ImageId, "736x"))}\" alt=\"{HtmlEncode(pin.Title)}\" data-test-id=\"pin-closeup-image\">";
        var body = $"""
            <script data-relay-response="true" type="application/json">{Safe(relay.ToJsonString())}</script>
            <div id="__PWS_ROOT__"><div data-test-id="pin-closeup"><div data-test-id="closeup-image">{img}</div>
            <h1 data-test-id="pinTitle">{HtmlEncode(pin.Title)}</h1><div data-test-id="truncated-description">{HtmlEncode(pin.Text)}</div></div></div>
            """;
        var props = new JsonObject { ["initialReduxState"] = new JsonObject { ["pins"] = new JsonObject() }, ["isAppShell"] = false };
        return Document(pin.Title ?? "Pin", sim.Url(SimPlatform.Pinterest, $"/pin/{pin.Id}/"), props.ToJsonString(), body);
    }

    public static string NotFound() => Document("Pinterest", null, """{"initialReduxState":{"pins":{}},"isAppShell":false}""",
        "<div id=\"__PWS_ROOT__\"><h1>Sorry! We couldn't find that page.</h1><p>This Pin may have been deleted.</p></div>");

    private static string Card(SimContext sim, SimPost pin)
    {
        var img = pin.ImageId is null ? string.Empty : $"<img src=\"{HtmlEncode(sim.ImageUrl(pin.ImageId, "236x"))}\" alt=\"{HtmlEncode(pin.Title)}\">";
        return string.Create(CultureInfo.InvariantCulture, $"<div data-test-id=\"pin\" data-test-pin-id=\"{pin.Id}\" class=\"Yl- MIw Hb7\"><a href=\"/pin/{pin.Id}/\" aria-label=\"{HtmlEncode(pin.Title)}\">{img}</a></div>\n");
    }

    private static string Safe(string json) => json.Replace("</", "<\\/", StringComparison.Ordinal);

    private static string Document(string title, string? canonical, string initialProps, string body) => $"""
        <!DOCTYPE html>
        <html lang="en" dir="ltr">
        <head>
        <meta charset="utf-8">
        <title>{HtmlEncode(title)}</title>
        {(canonical is null ? string.Empty : $"<link rel=\"canonical\" href=\"{HtmlEncode(canonical)}\">")}
        <meta property="og:site_name" content="Pinterest">
        <script id="__PWS_DATA__" type="application/json">{"{"}"appVersion":"sim","isPrefetch":false,"renderMode":"SSR"{"}"}</script>
        </head>
        <body>
        {body}
        <script id="__PWS_INITIAL_PROPS__" type="application/json">{Safe(initialProps)}</script>
        </body>
        </html>
        """;
}
