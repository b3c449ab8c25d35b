using System.Text.Json;
using Collector.Model;
using Collector.Storage;

namespace Collector.Evidence.Bundles;

/// <summary>What a case bundle is asked to hold: posts, URLs, detected chains (read from chains.json).</summary>
public sealed record BundleSelection
{
    public IReadOnlyList<PostKey> Posts { get; init; } = [];
    public IReadOnlyList<string> Urls { get; init; } = [];
    public IReadOnlyList<string> Chains { get; init; } = [];
    public string? ChainsFile { get; init; }

    public bool IsEmpty => Posts.Count == 0 && Urls.Count == 0 && Chains.Count == 0;
}

/// <summary>The posts and captures a selection comes to, read from the archive.</summary>
public sealed record ResolvedSelection(IReadOnlyList<PostHistory> Posts, IReadOnlyList<Capture> Captures);

/// <summary>A selection that names something the archive or the chains file does not hold.</summary>
public sealed class BundleSelectionException(string message) : Exception(message);

public static class BundleSelectionResolver
{
    public static async Task<ResolvedSelection> ResolveAsync(IArchive archive, BundleSelection selection, CancellationToken cancellationToken)
    {
        if (selection.IsEmpty)
        {
            throw new BundleSelectionException("a bundle needs at least one --post PLATFORM:ID, --url URL or --chain ID");
        }

        var keys = new List<PostKey>(selection.Posts);
        if (selection.Chains.Count > 0)
        {
            keys.AddRange(ChainPosts(selection));
        }

        var histories = new List<PostHistory>();
        var captureIds = new List<string>();
        foreach (var key in keys.Distinct())
        {
            var history = await archive.GetHistoryAsync(key, cancellationToken)
                ?? throw new BundleSelectionException($"post {key} is not in the archive");
            histories.Add(history);
            captureIds.AddRange(history.Versions.Select(v => v.CaptureId).Concat(history.Observations.Select(o => o.CaptureId)).OfType<string>());
            if (history.Tombstone is not null)
            {
                captureIds.Add(history.Tombstone.CaptureId);
            }
        }

        var captures = new Dictionary<string, Capture>(StringComparer.Ordinal);
        foreach (var id in captureIds.Distinct(StringComparer.Ordinal))
        {
            var capture = await archive.GetCaptureAsync(id, cancellationToken)
                ?? throw new BundleSelectionException($"capture {id} is named by a post's history but not in the archive");
            captures[id] = capture;
        }

        foreach (var url in selection.Urls)
        {
            var found = 0;
            await foreach (var capture in archive.QueryCapturesAsync(new CaptureQuery { Url = url }, cancellationToken))
            {
                captures.TryAdd(capture.Id, capture);
                found++;
            }

            if (found == 0)
            {
                throw new BundleSelectionException($"no capture of {url} in the archive");
            }
        }

        var ordered = captures.Values.OrderBy(c => c.FetchedAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        return new ResolvedSelection(histories, ordered);
    }

    private static List<PostKey> ChainPosts(BundleSelection selection)
    {
        if (selection.ChainsFile is null || !File.Exists(selection.ChainsFile))
        {
            throw new BundleSelectionException($"--chain needs --chains FILE (chains.json from `collector detect`){(selection.ChainsFile is null ? "" : $": {selection.ChainsFile} not found")}");
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(selection.ChainsFile));
        var root = document.RootElement;
        var chains = root.ValueKind == JsonValueKind.Array ? root
            : root.TryGetProperty("chains", out var c) && c.ValueKind == JsonValueKind.Array ? c
            : throw new BundleSelectionException($"{selection.ChainsFile} holds no chains array");
        var keys = new List<PostKey>();
        foreach (var wanted in selection.Chains)
        {
            var chain = chains.EnumerateArray().FirstOrDefault(x => x.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == wanted);
            if (chain.ValueKind != JsonValueKind.Object)
            {
                throw new BundleSelectionException($"chain {wanted} is not in {selection.ChainsFile}");
            }

            if (chain.TryGetProperty("origin", out var origin) && Key(origin) is { } o)
            {
                keys.Add(o);
            }

            if (chain.TryGetProperty("posts", out var posts) && posts.ValueKind == JsonValueKind.Array)
            {
                keys.AddRange(posts.EnumerateArray().Select(Key).OfType<PostKey>());
            }
        }

        return keys;
    }

    private static PostKey? Key(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.String
        && element.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String
            ? new PostKey(p.GetString()!, i.GetString()!)
            : null;
}
