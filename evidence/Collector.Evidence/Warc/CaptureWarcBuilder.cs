using System.Text;
using Collector.Model;

namespace Collector.Evidence.Warc;

/// <summary>
/// Turns one capture into WARC records: a response and a request record for every HTTP exchange (in browser mode every
/// response the page loaded, XHR/fetch JSON included), the screenshot and rendered DOM as resource records whose
/// urn:screenshot: / urn:dom: target URIs name the page (as Browsertrix does), kept network/media bodies that no exchange
/// covers as resource records, and a metadata record with what Collector made of the page.
/// </summary>
public static class CaptureWarcBuilder
{
    public static async Task<IReadOnlyList<WarcRecord>> BuildAsync(
        Capture capture, ArtifactSource artifacts, string? warcinfoId, CancellationToken cancellationToken = default)
    {
        var records = new List<WarcRecord>();
        var common = warcinfoId is null ? [] : new List<KeyValuePair<string, string>> { new("WARC-Warcinfo-ID", warcinfoId) };
        var exchanges = capture.Exchanges.ToList();
        var covered = exchanges.Where(e => e.BodySha256 is not null).Select(e => e.BodySha256!).ToHashSet(StringComparer.Ordinal);
        var raw = capture.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Raw);
        if (raw is not null && !exchanges.Any(e => e.Url == capture.FinalUrl) && !covered.Contains(raw.Sha256))
        {
            // An HTTP capture kept the body but no exchange: rebuild the main response from what the capture knows.
            exchanges.Insert(0, new HttpExchange
            {
                Url = capture.FinalUrl,
                Status = capture.HttpStatus ?? 200,
                BodySha256 = raw.Sha256,
                ContentType = raw.ContentType,
                At = capture.FetchedAt,
                ResponseHeaders = raw.ContentType is null ? [] : [new("Content-Type", raw.ContentType)],
            });
            covered.Add(raw.Sha256);
        }

        // A browser keeps only document and JSON bodies; an image or stylesheet the page loaded and the capture also kept
        // as an artifact under the same URL is written as the full response the page saw, not as a truncated one.
        var kept = capture.Artifacts.Where(a => a.Url is not null && a.Kind is ArtifactKinds.Media or ArtifactKinds.Network or ArtifactKinds.Subresource)
            .GroupBy(a => a.Url!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Sha256, StringComparer.Ordinal);
        for (var i = 0; i < exchanges.Count; i++)
        {
            if (exchanges[i].BodySha256 is null && exchanges[i].Status is >= 200 and < 300 && kept.TryGetValue(exchanges[i].Url, out var sha))
            {
                exchanges[i] = exchanges[i] with { BodySha256 = sha };
                covered.Add(sha);
            }
        }

        string? pageResponseId = null;
        for (var i = 0; i < exchanges.Count; i++)
        {
            var exchange = exchanges[i];
            var at = exchange.At == default ? capture.FetchedAt : exchange.At;
            var body = exchange.BodySha256 is null ? [] : await artifacts(exchange.BodySha256, cancellationToken) ?? [];
            var responseId = WarcRecordIds.For(capture.Id, $"response/{i}");
            var requestId = WarcRecordIds.For(capture.Id, $"request/{i}");
            var (block, payloadOffset) = HttpBlocks.Response(exchange, body);
            // A browser keeps the bodies of documents and JSON only: a response whose body was not kept says so,
            // and is left out of replay indexes rather than replayed as an empty 200.
            var truncated = exchange.BodySha256 is null && exchange.Status is >= 200 and < 300 and not 204;
            records.Add(new WarcRecord
            {
                Type = WarcTypes.Response,
                RecordId = responseId,
                Date = at,
                TargetUri = exchange.Url,
                ContentType = "application/http; msgtype=response",
                Fields = truncated
                    ? [.. common, new("WARC-Concurrent-To", requestId), new("WARC-Truncated", "unspecified")]
                    : [.. common, new("WARC-Concurrent-To", requestId)],
                Block = block,
                PayloadOffset = payloadOffset,
                Request = IndexOf(exchange),
            });
            records.Add(new WarcRecord
            {
                Type = WarcTypes.Request,
                RecordId = requestId,
                Date = at,
                TargetUri = exchange.Url,
                ContentType = "application/http; msgtype=request",
                Fields = [.. common, new("WARC-Concurrent-To", responseId)],
                Block = HttpBlocks.Request(exchange),
            });
            if (pageResponseId is null && exchange.Url == capture.FinalUrl)
            {
                pageResponseId = responseId;
            }
        }

        // The page is the response at the final URL; failing that, the one whose body is the raw artifact.
        pageResponseId ??= raw is null ? null : records
            .Where(r => r.Type == WarcTypes.Response)
            .Select((r, i) => (r, exchange: exchanges[i]))
            .FirstOrDefault(x => x.exchange.BodySha256 == raw.Sha256).r?.RecordId;

        var link = pageResponseId is null ? common : [.. common, new("WARC-Concurrent-To", pageResponseId)];
        foreach (var artifact in capture.Artifacts)
        {
            var (target, keep) = artifact.Kind switch
            {
                ArtifactKinds.Screenshot => ("urn:screenshot:" + capture.FinalUrl, true),
                ArtifactKinds.Dom => ("urn:dom:" + capture.FinalUrl, true),
                ArtifactKinds.Network or ArtifactKinds.Media or ArtifactKinds.Subresource or ArtifactKinds.Raw => (artifact.Url ?? $"urn:{artifact.Kind}:{capture.FinalUrl}", !covered.Contains(artifact.Sha256)),
                _ => ("", false),
            };
            if (!keep)
            {
                continue;
            }

            var bytes = await artifacts(artifact.Sha256, cancellationToken)
                ?? throw new MissingArtifactException(artifact.Sha256, $"capture {capture.Id} names {artifact.Kind} artifact {artifact.Sha256}, which the store does not hold");
            covered.Add(artifact.Sha256);
            records.Add(new WarcRecord
            {
                Type = WarcTypes.Resource,
                RecordId = WarcRecordIds.For(capture.Id, $"resource/{artifact.Kind}/{artifact.Sha256}"),
                Date = capture.FetchedAt,
                TargetUri = target,
                ContentType = artifact.ContentType ?? DefaultType(artifact.Kind),
                Fields = link,
                Block = bytes,
                PayloadOffset = 0,
            });
        }

        records.Add(Metadata(capture, common, pageResponseId));
        return records;
    }

    private static RequestIndex? IndexOf(HttpExchange exchange)
    {
        var contentType = exchange.RequestHeaders.FirstOrDefault(h => h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase)).Value;
        var append = Wacz.PostQuery.AppendFor(exchange.Url, exchange.Method, contentType, exchange.RequestBody ?? []);
        if (append is null)
        {
            return null;
        }

        var body = exchange.Method.ToUpperInvariant() is "POST" or "PUT" ? Wacz.PostQuery.Extract(contentType ?? "", exchange.RequestBody ?? []) : null;
        return new RequestIndex(exchange.Method.ToUpperInvariant(), append, string.IsNullOrEmpty(body) ? null : body);
    }

    private static WarcRecord Metadata(Capture capture, IReadOnlyList<KeyValuePair<string, string>> common, string? pageResponseId)
    {
        var info = new
        {
            captureId = capture.Id,
            requestUrl = capture.RequestUrl,
            finalUrl = capture.FinalUrl,
            fetchedAt = capture.FetchedAt,
            renderMode = capture.RenderMode,
            outcome = capture.Outcome,
            outcomeReason = capture.OutcomeReason,
            platform = capture.Platform,
            source = capture.Source,
            runId = capture.RunId,
            posts = capture.Posts.Select(p => p.Key.ToString()).ToList(),
            artifacts = capture.Artifacts,
        };
        var fields = pageResponseId is null ? common : [.. common, new("WARC-Refers-To", pageResponseId)];
        return new WarcRecord
        {
            Type = WarcTypes.Metadata,
            RecordId = WarcRecordIds.For(capture.Id, "metadata"),
            Date = capture.FetchedAt,
            TargetUri = capture.FinalUrl,
            ContentType = "application/json",
            Fields = fields,
            Block = Encoding.UTF8.GetBytes(CollectorJson.Serialize(info)),
        };
    }

    private static string DefaultType(string kind) => kind switch
    {
        ArtifactKinds.Screenshot => "image/png",
        ArtifactKinds.Dom => "text/html; charset=utf-8",
        ArtifactKinds.Network => "application/json",
        _ => "application/octet-stream",
    };
}

/// <summary>An artifact a capture names is not in the store: the export stops rather than write an incomplete record.</summary>
public sealed class MissingArtifactException(string sha256, string message) : Exception(message)
{
    public string Sha256 { get; } = sha256;
}
