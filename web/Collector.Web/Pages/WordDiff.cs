using System.Text;
using System.Text.Encodings.Web;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Collector.Web.Pages;

/// <summary>A word-level diff of two texts (DiffPlex), as HTML with &lt;del&gt; and &lt;ins&gt; (every piece encoded).</summary>
public static class WordDiff
{
    private static readonly DelimiterChunker Words = new([' ', '\n', '\t']);

    public static HtmlString Render(string? before, string? after)
    {
        var result = Differ.Instance.CreateDiffs(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, Words);
        var html = new StringBuilder();
        var a = 0;
        var b = 0;
        void Same(int until)
        {
            for (; a < until; a++, b++)
            {
                html.Append(HtmlEncoder.Default.Encode(result.PiecesOld[a]));
            }
        }

        foreach (var block in result.DiffBlocks)
        {
            Same(block.DeleteStartA);
            b = block.InsertStartB;
            if (block.DeleteCountA > 0)
            {
                html.Append("<del>").Append(HtmlEncoder.Default.Encode(string.Concat(result.PiecesOld.Skip(a).Take(block.DeleteCountA)))).Append("</del>");
            }

            if (block.InsertCountB > 0)
            {
                html.Append("<ins>").Append(HtmlEncoder.Default.Encode(string.Concat(result.PiecesNew.Skip(b).Take(block.InsertCountB)))).Append("</ins>");
            }

            a += block.DeleteCountA;
            b += block.InsertCountB;
        }

        Same(result.PiecesOld.Count);
        return new HtmlString(html.ToString());
    }
}
