using System.Globalization;

namespace Collector.Storage;

/// <summary>
/// What an import writes into the custody log, the same for every backend: one entry per committed batch (in the batch's
/// own transaction, sealing every record the batch stored), and one closing entry that sums the import up. A kill
/// mid-import leaves every committed batch sealed and no closing entry.
/// </summary>
public static class ImportLog
{
    public const string BatchAction = "import";
    public const string EndAction = "import-end";

    public static CustodyEvent BatchEvent(ImportContext context, int batch, int added, int changed, int unchanged, int rejected, IReadOnlyList<Seal> seals) => new()
    {
        Action = BatchAction,
        Subject = context.Origin,
        ConfigHash = context.ConfigHash,
        Seals = seals,
        Detail = Short(string.Create(CultureInfo.InvariantCulture,
            $"sha256 {context.FileSha256 ?? "-"}; batch {batch}: {added} new, {changed} changed, {unchanged} unchanged, {rejected} rejected")),
    };

    public static CustodyEvent EndEvent(ImportContext context, int batches, int added, int changed, int unchanged, int rejected) => new()
    {
        Action = EndAction,
        Subject = context.Origin,
        ConfigHash = context.ConfigHash,
        Detail = Short(string.Create(CultureInfo.InvariantCulture,
            $"sha256 {context.FileSha256 ?? "-"}; {batches} batches: {added} new, {changed} changed, {unchanged} unchanged, {rejected} rejected{Skipped(context)}")),
    };

    private static string Skipped(ImportContext context) =>
        context.SkippedLines?.Invoke() is > 0 and var n ? string.Create(CultureInfo.InvariantCulture, $", {n} malformed lines skipped") : "";

    private static string Short(string s) => s.Length <= 400 ? s : s[..400];
}
