namespace Collector.Evidence.Warc;

/// <summary>
/// WARC 1.1 revisit records of the identical-payload-digest profile: a response whose payload an earlier record of the
/// same file already holds keeps its own HTTP headers, WARC-Target-URI and date, names the earlier record by
/// WARC-Refers-To, WARC-Refers-To-Target-URI and WARC-Refers-To-Date (what pywb, warcio and ReplayWeb.page follow), and
/// carries the payload digest instead of the payload.
/// </summary>
public static class WarcRevisits
{
    public const string IdenticalPayloadProfile = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest";

    /// <summary>The payload digest of a full response that a later one may refer to; null for anything else (an empty or truncated body).</summary>
    public static string? PayloadDigestOf(WarcRecord record) =>
        record.Type == WarcTypes.Response && record.PayloadOffset is { } offset && record.Block.Length > offset
        && !record.Fields.Any(f => f.Key == "WARC-Truncated")
            ? WarcDigest.Of(record.Block.Span[offset..])
            : null;

    /// <summary>The revisit that stands for <paramref name="response"/>, whose payload <paramref name="original"/> holds.</summary>
    public static WarcRecord Of(WarcRecord response, WarcRecord original, string payloadDigest) => response with
    {
        Type = WarcTypes.Revisit,
        Fields =
        [
            .. response.Fields,
            new("WARC-Profile", IdenticalPayloadProfile),
            new("WARC-Refers-To", original.RecordId),
            new("WARC-Refers-To-Target-URI", original.TargetUri ?? ""),
            new("WARC-Refers-To-Date", WarcDates.ToWarcDate(original.Date)),
        ],
        Block = response.Block[..response.PayloadOffset!.Value],
        PayloadOffset = null,
        PayloadDigest = payloadDigest,
    };

    /// <summary>
    /// Problems with the revisits of one file read back: each must refer to an earlier record of the file whose payload
    /// digest is the one it declares, at the target URI and date it names.
    /// </summary>
    public static IReadOnlyList<string> Check(IEnumerable<ParsedWarcRecord> records)
    {
        var problems = new List<string>();
        var seen = new Dictionary<string, ParsedWarcRecord>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (r.Type == WarcTypes.Revisit)
            {
                var id = r["WARC-Record-ID"] ?? "(no id)";
                if (r["WARC-Profile"] != IdenticalPayloadProfile)
                {
                    problems.Add($"{id}: revisit profile '{r["WARC-Profile"]}' is not {IdenticalPayloadProfile}");
                }
                else if (r["WARC-Refers-To"] is not { } target || !seen.TryGetValue(target, out var original))
                {
                    problems.Add($"{id}: revisit refers to {r["WARC-Refers-To"] ?? "nothing"}, which no earlier record of the file is");
                }
                else if (original["WARC-Payload-Digest"] != r["WARC-Payload-Digest"] || original.TargetUri != r["WARC-Refers-To-Target-URI"]
                    || original["WARC-Date"] != r["WARC-Refers-To-Date"])
                {
                    problems.Add($"{id}: revisit of {target} does not match it (payload digest, target URI or date)");
                }
            }

            if (r["WARC-Record-ID"] is { } recordId)
            {
                seen.TryAdd(recordId, r);
            }
        }

        return problems;
    }
}
