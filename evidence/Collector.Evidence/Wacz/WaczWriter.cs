using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collector.Evidence.Warc;
using Collector.Model;

namespace Collector.Evidence.Wacz;

/// <summary>
/// Builds a WACZ 1.1.1 package: archive/data.warc.gz (one gzip member per record), indexes/index.cdxj (sorted, with each
/// record's member offset and length), pages/pages.jsonl, datapackage.json with the SHA-256 and size of every file, and
/// datapackage-digest.json with the hash of datapackage.json. Entries are stored uncompressed so that a replay client can
/// read any record by range. The package is written beside the target and moved into place only when complete.
/// </summary>
public static class WaczWriter
{
    public const string WarcName = "data.warc.gz";

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    public static async Task<WaczSummary> WriteAsync(
        IAsyncEnumerable<Capture> captures, ArtifactSource artifacts, string outPath, string title, TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        var created = time.GetUtcNow();
        var work = outPath + ".partial-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(work);
        try
        {
            var warcPath = Path.Combine(work, WarcName);
            var index = new List<CdxjLine>();
            var pages = new List<WaczPage>();
            await using (var warc = new FileStream(warcPath, FileMode.CreateNew, FileAccess.Write))
            {
                var file = await CaptureWarcFile.StartAsync(warc, artifacts, WarcName, created, $"WACZ export '{title}'", cancellationToken);
                await foreach (var capture in captures.WithCancellation(cancellationToken))
                {
                    var records = await file.AddAsync(capture, cancellationToken);
                    index.AddRange(records.Select(r => CdxjLine.For(r, WarcName)).OfType<CdxjLine>());
                    if (PageUrl(capture, records) is { } pageUrl)
                    {
                        pages.Add(new WaczPage
                        {
                            Id = capture.Id,
                            Url = pageUrl,
                            Ts = UtcDateTimeOffsetConverter.ToWire(capture.FetchedAt),
                            Title = capture.Posts.Select(p => p.Title ?? p.Text).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) is { } t
                                ? (t.Length > 120 ? t[..120] + "…" : t) : null,
                        });
                    }
                }
            }

            index.Sort((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
            var indexBytes = Lines(index.Select(l => l.ToString()));
            var pagesBytes = Lines(
                new[] { JsonSerializer.Serialize(new { format = "json-pages-1.0", id = "pages", title = "All Pages" }) }
                .Concat(pages.Select(p => JsonSerializer.Serialize(p, CdxjFields.JsonOptions))));

            var resources = new JsonArray
            {
                await ResourceAsync("archive/" + WarcName, warcPath, cancellationToken),
                Resource("indexes/index.cdxj", indexBytes),
                Resource("pages/pages.jsonl", pagesBytes),
            };
            var package = new JsonObject
            {
                ["profile"] = "data-package",
                ["wacz_version"] = "1.1.1",
                ["title"] = title,
                ["created"] = UtcDateTimeOffsetConverter.ToWire(created),
                ["modified"] = UtcDateTimeOffsetConverter.ToWire(created),
                ["software"] = WarcInfo.Software,
                ["mainPageUrl"] = pages.FirstOrDefault()?.Url,
                ["resources"] = resources,
            };
            var packageBytes = Encoding.UTF8.GetBytes(package.ToJsonString(IndentedJson));
            var digestBytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
                new { path = "datapackage.json", hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(packageBytes)) },
                IndentedJson));

            var zipPath = Path.Combine(work, "package.wacz");
            await using (var zipStream = new FileStream(zipPath, FileMode.CreateNew, FileAccess.Write))
            await using (var zip = new ZipArchive(zipStream, ZipArchiveMode.Create))
            {
                await AddFileAsync(zip, "archive/" + WarcName, warcPath, cancellationToken);
                await AddAsync(zip, "indexes/index.cdxj", indexBytes, cancellationToken);
                await AddAsync(zip, "pages/pages.jsonl", pagesBytes, cancellationToken);
                await AddAsync(zip, "datapackage.json", packageBytes, cancellationToken);
                await AddAsync(zip, "datapackage-digest.json", digestBytes, cancellationToken);
            }

            File.Move(zipPath, outPath, overwrite: true);
            return new WaczSummary(outPath, pages.Count, index.Count, new FileInfo(outPath).Length,
                "sha256:" + Convert.ToHexStringLower(SHA256.HashData(packageBytes)));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The URL a capture replays under: its final URL, else the response that carries its raw body.</summary>
    private static string? PageUrl(Capture capture, IReadOnlyList<WrittenRecord> records)
    {
        var responses = records.Where(r => r.Record.Type is WarcTypes.Response or WarcTypes.Revisit && !r.Record.Fields.Any(f => f.Key == "WARC-Truncated")).ToList();
        if (responses.Any(r => r.Record.TargetUri == capture.FinalUrl))
        {
            return capture.FinalUrl;
        }

        var raw = capture.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Raw);
        return raw is null ? null : responses.FirstOrDefault(r => r.PayloadDigest == WarcDigest.Prefix + raw.Sha256)?.Record.TargetUri;
    }

    private static byte[] Lines(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static JsonObject Resource(string path, byte[] bytes) => new()
    {
        ["name"] = Path.GetFileName(path),
        ["path"] = path,
        ["hash"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)),
        ["bytes"] = bytes.LongLength,
    };

    private static async Task<JsonObject> ResourceAsync(string path, string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return new JsonObject
        {
            ["name"] = Path.GetFileName(path),
            ["path"] = path,
            ["hash"] = "sha256:" + Convert.ToHexStringLower(hash),
            ["bytes"] = stream.Length,
        };
    }

    private static async Task AddAsync(ZipArchive zip, string name, byte[] bytes, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    private static async Task AddFileAsync(ZipArchive zip, string name, string file, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await using var source = File.OpenRead(file);
        await source.CopyToAsync(stream, cancellationToken);
    }
}

public sealed record WaczSummary(string Path, int Pages, int IndexLines, long Bytes, string DatapackageHash);
