using System.Globalization;

namespace Collector.Model.Tables;

/// <summary>
/// The one CSV writer of Collector (post exports and detection outputs): RFC 4180 (comma, CRLF after every record,
/// fields quoted where they hold a comma, quote or line break, quotes doubled), a header row, UTF-8 without BOM as the
/// caller's writer encodes it. Values are written by type: times as UTC ISO-8601 with a Z, numbers invariant, booleans
/// true/false, null as an empty field. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
/// carriage return) gets a leading apostrophe (see <see cref="Neutralize"/>); numbers never do.
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    private const string FormulaStarts = "=+-@\t\r";

    public void WriteRow(params ReadOnlySpan<object?> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Field(fields[i]));
        }

        writer.Write("\r\n");
    }

    /// <summary>One field as it stands in the file: formatted by type, neutralized if text, quoted if needed.</summary>
    public static string Field(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            string s => Neutralize(s),
            DateTimeOffset t => UtcDateTimeOffsetConverter.ToWire(t),
            bool b => b ? "true" : "false",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Neutralize(value.ToString() ?? string.Empty),
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>
    /// Prefixes an apostrophe to text a spreadsheet would take for a formula, and to text that already starts with an
    /// apostrophe before such a character, so that <see cref="Restore"/> gives back exactly the original.
    /// </summary>
    public static string Neutralize(string text) =>
        StartsFormula(text) || (text.Length > 1 && text[0] == '\'' && (StartsFormula(text[1..]) || text[1] == '\'')) ? "'" + text : text;

    /// <summary>Undoes <see cref="Neutralize"/> for a field read back from a file Collector wrote.</summary>
    public static string Restore(string field) =>
        field.Length > 1 && field[0] == '\'' && (StartsFormula(field[1..]) || field[1] == '\'') ? field[1..] : field;

    private static bool StartsFormula(string text) => text.Length > 0 && FormulaStarts.Contains(text[0], StringComparison.Ordinal);
}
