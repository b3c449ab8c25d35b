using System.Text;
using Collector.Crawler.Fetching;
using Collector.Model;
using Collector.Parsers;
using Collector.Storage;

namespace Collector.Crawler.Core;

/// <summary>
/// Parses a capture again from what the archive stored, exactly as <see cref="PageProcessor"/> parsed it when it was
/// fetched: the rendered DOM (browser) or the raw body decoded with the charset its response declared, at the final URL,
/// with the JSON responses the page loaded, by the parser of the capture's platform.
/// </summary>
public sealed class StoredPageReparser(ParserRegistry parsers) : ICaptureRederiver
{
    public string ParserVersion => parsers.Version;

    public async Task<IReadOnlyList<Post>?> RederiveAsync(Capture capture, IArtifactStore artifacts, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ParseAsync(capture, artifacts, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or StoredBodyMissingException)
        {
            return null; // the artifact check names the missing or unreadable file
        }
    }

    private async Task<IReadOnlyList<Post>?> ParseAsync(Capture capture, IArtifactStore artifacts, CancellationToken cancellationToken)
    {
        var raw = capture.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Raw);
        var dom = capture.RenderMode == RenderMode.Browser ? capture.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Dom) : null;
        string? body;
        if (dom is not null)
        {
            body = Encoding.UTF8.GetString(await ReadAsync(artifacts, dom.Sha256, cancellationToken));
        }
        else if (raw is not null && Charsets.IsText(raw.ContentType))
        {
            body = Charsets.Decode(await ReadAsync(artifacts, raw.Sha256, cancellationToken), DeclaredCharset(capture, raw));
        }
        else
        {
            return null;
        }

        var network = new List<NetworkResponse>();
        foreach (var a in capture.Artifacts.Where(a => a.Kind == ArtifactKinds.Network))
        {
            var status = capture.Exchanges.FirstOrDefault(x => x.BodySha256 == a.Sha256 && x.Url == a.Url)?.Status ?? 200;
            network.Add(new NetworkResponse(a.Url ?? "", status, a.ContentType, Encoding.UTF8.GetString(await ReadAsync(artifacts, a.Sha256, cancellationToken))));
        }

        var page = new PageInput
        {
            Url = new Uri(capture.FinalUrl),
            Body = body,
            ContentType = raw?.ContentType ?? dom?.ContentType,
            HttpStatus = capture.HttpStatus,
            Rendered = capture.RenderMode == RenderMode.Browser,
            Network = network,
        };
        return parsers.Parse(page, capture.Platform).Posts;
    }

    /// <summary>The charset the main document's response declared in its Content-Type header, if any.</summary>
    private static string? DeclaredCharset(Capture capture, ArtifactRef raw)
    {
        var exchange = capture.Exchanges.LastOrDefault(x => x.BodySha256 == raw.Sha256) ?? (capture.Exchanges.Count > 0 ? capture.Exchanges[0] : null);
        var header = exchange?.ResponseHeaders.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        return header is not null && System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(header, out var type) ? type.CharSet : null;
    }

    private static async Task<byte[]> ReadAsync(IArtifactStore artifacts, string sha256, CancellationToken cancellationToken)
    {
        await using var stream = await artifacts.OpenReadAsync(sha256, cancellationToken)
            ?? throw new StoredBodyMissingException();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}

internal sealed class StoredBodyMissingException : Exception;
