using Collector.Model.Tables;

namespace Collector.Model.Tests;

public sealed class CsvWriterTests
{
    [Fact]
    public void WriteRow_CommaQuoteAndLineBreak_AreQuotedPerRfc4180WithCrlf()
    {
        Assert.Equal("a,\"b,c\",\"say \"\"hi\"\"\",\"one\ntwo\"\r\n", Write("a", "b,c", "say \"hi\"", "one\ntwo"));
    }

    [Fact]
    public void WriteRow_TypedValues_AreInvariantUtcAndEmptyForNull()
    {
        var at = new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal("2026-03-01T12:00:00Z,-5,0.25,true,\r\n", Write(at, -5L, 0.25, true, null));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1 555")]
    [InlineData("-cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tindented")]
    public void Neutralize_FormulaStart_GetsApostropheAndRestoresExactly(string text)
    {
        var written = CsvWriter.Neutralize(text);

        Assert.Equal("'" + text, written);
        Assert.Equal(text, CsvWriter.Restore(written));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("'quoted")]
    [InlineData("'=already escaped by someone")]
    [InlineData("''")]
    [InlineData("")]
    public void Restore_OfNeutralized_GivesBackTheOriginal(string text) =>
        Assert.Equal(text, CsvWriter.Restore(CsvWriter.Neutralize(text)));

    [Fact]
    public void WriteRow_NegativeNumber_IsNotNeutralizedButNegativeText_Is() =>
        Assert.Equal("-3,'-3\r\n", Write(-3, "-3"));

    private static string Write(params object?[] fields)
    {
        using var writer = new StringWriter();
        new CsvWriter(writer).WriteRow(fields);
        return writer.ToString();
    }
}
