using System.Globalization;
using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Vk;

/// <summary>The <c>profiles[]</c> (positive ids) and <c>groups[]</c> (negative ids) of an extended VK response.</summary>
internal sealed class VkAuthors
{
    private readonly Dictionary<long, JsonElement> _profiles = [];
    private readonly Dictionary<long, JsonElement> _groups = [];

    public VkAuthors(JsonElement response)
    {
        if (response.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var p in response.Items("profiles"))
        {
            if (p.Long("id") is { } id)
            {
                _profiles[id] = p;
            }
        }

        foreach (var g in response.Items("groups"))
        {
            if (g.Long("id") is { } id)
            {
                _groups[id] = g;
            }
        }
    }

    /// <summary>The author for a VK owner/from id: groups are negative ("club" handles), users positive ("id" handles).</summary>
    public Author? For(long? ownerId)
    {
        if (ownerId is not { } id || id == 0)
        {
            return null;
        }

        var idText = id.ToString(CultureInfo.InvariantCulture);
        if (id < 0)
        {
            var groupId = -id;
            _groups.TryGetValue(groupId, out var g);
            var handle = g.ValueKind == JsonValueKind.Object ? g.Str("screen_name") : null;
            handle ??= "club" + groupId.ToString(CultureInfo.InvariantCulture);
            return new Author { Id = idText, Handle = handle, Name = g.ValueKind == JsonValueKind.Object ? g.Str("name") : null, Url = "https://vk.com/" + handle };
        }

        _profiles.TryGetValue(id, out var p);
        var userHandle = (p.ValueKind == JsonValueKind.Object ? p.Str("screen_name") : null) ?? "id" + idText;
        var name = p.ValueKind == JsonValueKind.Object
            ? TextNormalizer.OneLine($"{p.Str("first_name")} {p.Str("last_name")}")
            : null;
        return new Author { Id = idText, Handle = userHandle, Name = name, Url = "https://vk.com/" + userHandle };
    }

    /// <summary>The community (group screen name) of a wall owned by a group.</summary>
    public string? Community(long? ownerId) => ownerId is < 0 ? For(ownerId)?.Handle : null;
}
