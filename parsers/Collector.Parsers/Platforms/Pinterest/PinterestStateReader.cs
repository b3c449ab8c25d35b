using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Pinterest;

/// <summary>
/// Pins from the embedded JSON, read by scanning for the script tags (no DOM): relay responses
/// (<c>script[data-relay-response]</c>, <c>response.data.v3GetPinQuery.data</c>) on pin pages, and the redux state in
/// <c>__PWS_INITIAL_PROPS__</c> / <c>__PWS_DATA__</c> (<c>initialReduxState.pins</c>, boards, resources) on profiles and boards.
/// </summary>
internal static class PinterestStateReader
{
    public sealed record Result(List<Post> Posts, List<FollowLink> Next, string? PagePinId, bool SawState);

    public static Result Read(string html, Uri page)
    {
        var documents = new List<JsonDocument>();
        try
        {
            var copies = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
            var order = new List<string>();
            string? pagePin = null;
            var sawState = false;
            var next = new List<FollowLink>();
            foreach (var script in ScriptTags.All(html))
            {
                var relay = script.Attribute("data-relay-response") is not null;
                var id = script.Attribute("id");
                if (!relay && id is not "__PWS_INITIAL_PROPS__" and not "__PWS_DATA__")
                {
                    continue;
                }

                var document = JsonRead.TryParse(script.Body);
                if (document is null)
                {
                    continue;
                }

                documents.Add(document);
                sawState = true;
                var root = document.RootElement;
                if (relay && root.At("response", "data", "v3GetPinQuery", "data") is { ValueKind: JsonValueKind.Object } pin)
                {
                    pagePin ??= root.Str("variables", "pinId");
                    Add(copies, order, pin);
                }

                var redux = root.At("initialReduxState") ?? root.At("props", "initialReduxState");
                if (redux is { } state)
                {
                    foreach (var entry in state.Properties("pins"))
                    {
                        Add(copies, order, entry.Value);
                    }

                    foreach (var board in state.Properties("boards"))
                    {
                        if (board.Value.Str("url") is { } url && Urls.Resolve(page, url) is { } boardUrl)
                        {
                            next.Add(new FollowLink(boardUrl, FollowKind.Item));
                        }
                    }
                }
            }

            var posts = order.Select(key => new PinterestPin(copies[key]).ToPost(page)).ToList();
            return new Result(posts, next, pagePin, sawState);
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    private static void Add(Dictionary<string, List<JsonElement>> copies, List<string> order, JsonElement pin)
    {
        if (PinterestPin.IdOf(pin) is not { } id || (pin.Str("type") is { } type && type != "pin"))
        {
            return;
        }

        if (!copies.TryGetValue(id, out var list))
        {
            copies[id] = list = [];
            order.Add(id);
        }

        list.Add(pin);
    }
}
