using System.Text;
using Collector.Model;

namespace Collector.Parsers.Tests;

/// <summary>Every built-in parser, fed input no platform would send, returns a classified result and never throws.</summary>
public class HostileInputTests
{
    private static readonly Lazy<Dictionary<string, string>> Inputs = new(BuildInputs);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var parser in BuiltInParsers.Create())
        {
            foreach (var input in new[] { "empty", "whitespace", "truncated-html", "truncated-json", "broken-json", "binary", "wrong-charset", "deep-json", "deep-html", "huge-page", "json-scalar" })
            {
                data.Add(parser.Platform, input);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_HostileInput_ReturnsClassifiedResultWithoutThrowing(string platform, string input)
    {
        var parser = BuiltInParsers.Create().Single(p => p.Platform == platform);
        var body = Inputs.Value[input];
        var page = new PageInput
        {
            Url = new Uri("https://www.example.com/r/x/comments/abc/t/"),
            Body = body,
            ContentType = input.Contains("json", StringComparison.Ordinal) ? "application/json" : "text/html",
        };

        var result = parser.Parse(page);

        Assert.NotNull(result);
        Assert.True(result.ParseError is null, $"{platform} crashed on {input} (caught by the base class): {result.ParseError}");
        Assert.True(Enum.IsDefined(result.Classification));
        Assert.NotEqual(PageOutcome.Failed, result.Classification);
        Assert.Equal(platform, result.Platform);
        if (input is "empty" or "whitespace" or "binary" or "deep-json" or "deep-html")
        {
            Assert.True(result.Classification is not PageOutcome.Content, $"{input} classified as content");
        }

        foreach (var post in result.Posts)
        {
            Assert.False(string.IsNullOrEmpty(post.Id));
        }
    }

    private static Dictionary<string, string> BuildInputs()
    {
        var html = "<html><head><title>x</title><script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"cut";
        var random = new Random(42);
        var bytes = new byte[8192];
        random.NextBytes(bytes);
        var latin1AsUtf8 = Encoding.UTF8.GetString(Encoding.GetEncoding("ISO-8859-1").GetBytes("<html><body>Caf\u00e9 \u00fcber na\u00efve</body></html>"))
            + Encoding.UTF8.GetString([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1]);
        var huge = new StringBuilder(21 * 1024 * 1024);
        huge.Append("<html><body><main>");
        while (huge.Length < 20 * 1024 * 1024)
        {
            huge.Append("<div class=\"item\"><p>lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor</p></div>\n");
        }

        huge.Append("</main></body></html>");
        return new Dictionary<string, string>
        {
            ["empty"] = string.Empty,
            ["whitespace"] = "  \n\t  ",
            ["truncated-html"] = html,
            ["truncated-json"] = "{\"kind\":\"Listing\",\"data\":{\"after\":\"t3_x\",\"children\":[{\"kind\":\"t3\",\"data\":{\"id\":\"ab",
            ["broken-json"] = "{\"data\": [1, 2,, }{]",
            ["binary"] = Encoding.Latin1.GetString(bytes),
            ["wrong-charset"] = latin1AsUtf8,
            ["deep-json"] = new string('[', 100_000) + new string(']', 100_000),
            ["deep-html"] = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "x" + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>",
            ["huge-page"] = huge.ToString(),
            ["json-scalar"] = "\"just a string\"",
        };
    }
}
