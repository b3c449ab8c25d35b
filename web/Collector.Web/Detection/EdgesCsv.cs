namespace Collector.Web.Detection;

/// <summary>One edge of the coordination network as edges.csv gives it.</summary>
public sealed record EdgeRow(string Source, string Target, int Weight, IReadOnlyList<string> Chains);

/// <summary>Reads edges.csv (source, target, weight, …, chains) with the storage's CSV reader.</summary>
public static class EdgesCsv
{
    public static IReadOnlyList<EdgeRow> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new StreamReader(path);
        var rows = Collector.Storage.Export.CsvReader.Read(reader).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0];
        int Col(string name) => header.ToList().IndexOf(name);
        var (s, t, w, c) = (Col("source"), Col("target"), Col("weight"), Col("chains"));
        if (s < 0 || t < 0 || w < 0)
        {
            throw new InvalidDataException($"{path}: no source, target and weight columns");
        }

        return rows.Skip(1).Where(r => r.Count > Math.Max(s, Math.Max(t, w)))
            .Select(r => new EdgeRow(r[s], r[t], int.TryParse(r[w], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0,
                c >= 0 && c < r.Count && r[c].Length > 0 ? r[c].Split(';') : []))
            .ToList();
    }
}
