using System.Text;
using Collector.Storage;

namespace Collector.Detection.Output;

/// <summary>Writes every output of a detection run into one folder.</summary>
public static class DetectionWriters
{
    public static readonly IReadOnlyList<string> FileNames =
        ["chains.json", "chains.csv", "accounts.json", "accounts.csv", "network.gexf", "network.graphml", "edges.csv", "report.html"];

    /// <summary>
    /// Writes chains.json/csv, accounts.json/csv, network.gexf/graphml, edges.csv and report.html; returns their paths.
    /// With the <paramref name="archive"/> the posts came from, the report links each cited post to its first capture's
    /// screenshot and raw page, copied into <see cref="ReportEvidence.Folder"/> beside it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAllAsync(DetectionResult result, string outDir, TimeProvider? time = null, IArchive? archive = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outDir);
        var utf8 = new UTF8Encoding(false);
        var written = new List<string>();
        async Task Text(string name, string content)
        {
            var path = Path.Combine(outDir, name);
            await File.WriteAllTextAsync(path, content, utf8, cancellationToken);
            written.Add(path);
        }

        async Task Xml(string name, Action<DetectionResult, Stream> write)
        {
            var path = Path.Combine(outDir, name);
            await using (var stream = File.Create(path))
            {
                write(result, stream);
            }

            written.Add(path);
        }

        await Text("chains.json", TableWriters.ChainsJson(result));
        await Text("chains.csv", TableWriters.ChainsCsv(result));
        await Text("accounts.json", TableWriters.AccountsJson(result));
        await Text("accounts.csv", TableWriters.AccountsCsv(result));
        await Xml("network.gexf", GraphWriters.Gexf);
        await Xml("network.graphml", GraphWriters.GraphMl);
        await Text("edges.csv", TableWriters.EdgesCsv(result));
        var evidence = archive is null ? null : await ReportEvidence.CopyAsync(archive, result, outDir, cancellationToken);
        await Text("report.html", HtmlReport.Render(result, (time ?? TimeProvider.System).GetUtcNow(), evidence));
        return written;
    }
}
