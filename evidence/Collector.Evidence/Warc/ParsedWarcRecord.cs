namespace Collector.Evidence.Warc;

/// <summary>A record as read back from a file, with the checks of its digests.</summary>
public sealed record ParsedWarcRecord(string Version, IReadOnlyList<KeyValuePair<string, string>> Fields, byte[] Block)
{
    public string? this[string name] =>
        Fields.FirstOrDefault(f => f.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public string Type => this["WARC-Type"] ?? "";

    public string? TargetUri => this["WARC-Target-URI"];

    /// <summary>The payload: the body after the HTTP headers for application/http records, else the whole block.</summary>
    public ReadOnlySpan<byte> Payload
    {
        get
        {
            if (this["Content-Type"]?.StartsWith("application/http", StringComparison.OrdinalIgnoreCase) != true)
            {
                return Block;
            }

            var end = Block.AsSpan().IndexOf("\r\n\r\n"u8);
            return end < 0 ? [] : Block.AsSpan(end + 4);
        }
    }

    /// <summary>The HTTP status line's code of a response record (null otherwise).</summary>
    public int? HttpStatus
    {
        get
        {
            if (Type is not (WarcTypes.Response or WarcTypes.Revisit) || Block.Length < 12)
            {
                return null;
            }

            var line = System.Text.Encoding.ASCII.GetString(Block, 0, Math.Min(Block.Length, 64)).Split("\r\n")[0].Split(' ');
            return line.Length > 1 && int.TryParse(line[1], out var status) ? status : null;
        }
    }

    /// <summary>Digest problems (empty when WARC-Block-Digest and WARC-Payload-Digest hold).</summary>
    public IReadOnlyList<string> CheckDigests()
    {
        var problems = new List<string>();
        var id = this["WARC-Record-ID"] ?? "(no id)";
        Check("WARC-Block-Digest", Block, problems, id);
        if (this["WARC-Payload-Digest"] is not null && Type != WarcTypes.Revisit) // a revisit's payload is its original's (WarcRevisits.Check)
        {
            Check("WARC-Payload-Digest", Payload, problems, id);
        }

        return problems;
    }

    private void Check(string field, ReadOnlySpan<byte> bytes, List<string> problems, string id)
    {
        var declared = this[field];
        if (declared is null)
        {
            problems.Add($"{id}: no {field}");
            return;
        }

        if (!declared.StartsWith(WarcDigest.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{id}: {field} '{declared}' is not sha256");
            return;
        }

        var actual = WarcDigest.Of(bytes);
        if (!string.Equals(actual, declared, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{id}: {field} says {declared} but the bytes hash to {actual}");
        }
    }
}
