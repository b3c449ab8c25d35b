using System.Text.RegularExpressions;

namespace Collector.Model.Tests;

public sealed class PostTextTests
{
    [Theory]
    [InlineData("  one  \t two\u00A0three  ", "one two three")]
    [InlineData("para one\r\n\r\n\r\n\r\npara two", "para one\n\npara two")]
    [InlineData("line one \n  line two", "line one\nline two")]
    [InlineData("zero\u200Bwidth\uFEFF", "zerowidth")]
    [InlineData(" \n\t ", null)]
    public void Normalize_Whitespace_KeepsOnlyLinesAndParagraphs(string input, string? expected) =>
        Assert.Equal(expected, PostText.Normalize(input));

    [Fact]
    public void PostText_AssignedUnnormalized_IsStoredNormalized()
    {
        var post = new Post { Platform = "generic", Id = "1", Text = "a  b\n\n\n\nc " };

        Assert.Equal("a b\n\nc", post.Text);
        Assert.Equal("a b\n\nc", CollectorJson.Deserialize<Post>("""{"platform":"generic","id":"1","text":" a\tb\r\n\r\n\r\nc"}""")!.Text);
    }

    [Fact]
    public void Normalize_RandomWhitespaceMixes_IsIdempotentAndMatchesThePattern()
    {
        var pattern = new Regex(PostText.Pattern);
        var random = new Random(20);
        const string alphabet = "ab文 \t\n\r\u00A0\u2028\u200B\u0001.";
        for (var i = 0; i < 2000; i++)
        {
            var raw = new string([.. Enumerable.Range(0, random.Next(1, 30)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var once = PostText.Normalize(raw);
            if (once is null)
            {
                continue;
            }

            Assert.Equal(once, PostText.Normalize(once));
            Assert.Matches(pattern, once);
        }
    }

    [Fact]
    public void Normalize_NormalTextKeptAsIsOtherTextRebuilt_SameResultAsBuildingItEveryTime()
    {
        var random = new Random(21);
        const string alphabet = "ab文 \t\n\r\u00A0\u2028\u200B\uFEFF\u0001.";
        var kept = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var raw = new string([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var built = PostText.Rebuild(raw);

            var normalized = PostText.Normalize(raw);

            Assert.Equal(built, normalized);
            Assert.Equal(PostText.IsNormal(raw), ReferenceEquals(raw, normalized));
            Assert.Equal(string.Equals(built, raw, StringComparison.Ordinal), PostText.IsNormal(raw));
            kept += ReferenceEquals(raw, normalized) ? 1 : 0;
        }

        Assert.True(kept > 100, $"the random mixes include normal text ({kept})");
    }

    [Theory]
    [InlineData(" leading")]
    [InlineData("trailing ")]
    [InlineData("double  space")]
    [InlineData("three\n\n\nlines")]
    [InlineData("tab\there")]
    [InlineData("space \nbefore a break")]
    public void Pattern_UnnormalizedText_DoesNotMatch(string text) =>
        Assert.DoesNotMatch(new Regex(PostText.Pattern), text);
}
