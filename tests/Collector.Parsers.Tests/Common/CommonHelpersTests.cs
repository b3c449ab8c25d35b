using System.Text.Json;
using Collector.Parsers.Common;

namespace Collector.Parsers.Tests.Common;

public class CommonHelpersTests
{
    [Theory]
    [InlineData("1700000000", "2023-11-14T22:13:20Z")]
    [InlineData("1700000000123", "2023-11-14T22:13:20.123Z")]
    [InlineData("1487704396560100", "2017-02-21T19:13:16.56Z")]
    [InlineData("2023-10-27T04:31:22.144000+0000", "2023-10-27T04:31:22.144Z")]
    [InlineData("2024-03-01T11:30:00+02:00", "2024-03-01T09:30:00Z")]
    [InlineData("Fri, 15 Nov 2024 12:16:20 +0000", "2024-11-15T12:16:20Z")]
    [InlineData("Sat Apr 5 18:58:19 2025 UTC", null)]
    [InlineData("2019-01-01", "2019-01-01T00:00:00Z")]
    [InlineData("not a date", null)]
    [InlineData("0", null)]
    public void Times_Parse_ToUtcOrNull(string text, string? expected) =>
        Assert.Equal(expected, Times.Parse(text) is { } t ? Collector.Model.UtcDateTimeOffsetConverter.ToWire(t) : null);

    [Theory]
    [InlineData("1.2K", 1200L)]
    [InlineData("15", 15L)]
    [InlineData("3M views", 3_000_000L)]
    [InlineData("52.1k", 52100L)]
    [InlineData("1,234", 1234L)]
    [InlineData("12 345", 12345L)]
    [InlineData("views", null)]
    [InlineData("", null)]
    public void Counts_Parse_HumanCounts(string text, long? expected) => Assert.Equal(expected, Counts.Parse(text));

    [Fact]
    public void BalancedJson_Extract_IgnoresBracesInStringsAndStopsAtTheEnd()
    {
        const string script = """window.___r = {"a":"}{ \" ]","b":[1,{"c":2}]}; var other = {"x":1};""";
        Assert.Equal("""{"a":"}{ \" ]","b":[1,{"c":2}]}""", ScriptTags.AssignedJson(script, "window.___r"));
        Assert.Null(BalancedJson.Extract("""{"cut": [1, 2""", 0));
        Assert.Null(ScriptTags.AssignedJson("window.___r == {}", "window.___r"));
    }

    [Fact]
    public void ScriptTags_FindByIdAndAttribute_WithoutDom()
    {
        const string html = """<html><script>var a=1;</script><script id='__DATA__' type="application/json">{"k":1}</script><script data-relay-response="true" type="application/json">[2]</script><script type="application/ld+json">{"@type":"Article"}</script></html>""";
        Assert.Equal("""{"k":1}""", ScriptTags.BodyById(html, "__DATA__"));
        Assert.Equal("[2]", ScriptTags.BodyWhere(html, "data-relay-response", "true"));
        Assert.Equal(["""{"@type":"Article"}"""], ScriptTags.JsonLd(html));
        Assert.Null(ScriptTags.BodyById(html, "missing"));
    }

    [Fact]
    public void JsonRead_PathsNeverThrow()
    {
        using var doc = JsonRead.TryParse("""{"a":{"b":[{"c":"7"},{"d":1.5e3}]},"n":null,"s":""}""")!;
        var root = doc.RootElement;
        Assert.Equal(7L, root.Long("a", "b", "0", "c"));
        Assert.Equal(1500L, root.Long("a", "b", "1", "d"));
        Assert.Null(root.Str("a", "b", "9", "c"));
        Assert.Null(root.Str("n"));
        Assert.Null(root.Str("s"));
        Assert.Null(root.Long("a", "b"));
        Assert.Null(JsonRead.TryParse("{broken"));
    }

    [Fact]
    public void TextExtraction_LinksAndHashtags()
    {
        const string text = "See https://example.org/a?b=1. And (https://example.org/c) #Tag #tag #123 x#no #日本";
        Assert.Equal(["https://example.org/a?b=1", "https://example.org/c"], TextExtraction.Links(text));
        Assert.Equal(["Tag", "日本"], TextExtraction.Hashtags(text));
    }

    [Fact]
    public void HtmlText_ToPlainText_BlocksBecomeLinesAndEntitiesDecode() =>
        Assert.Equal("Title\n\nOne & two\nthree", HtmlText.ToPlainText("<h1>Title</h1><p>One &amp; two<br>three</p><script>ignored()</script>"));

    [Theory]
    [InlineData("This is clearly an English sentence about the weather today.", null, "en")]
    [InlineData("Это обычное русское предложение о погоде сегодня.", null, "ru")]
    [InlineData("这是一个关于今天天气的普通中文句子。", null, "zh")]
    [InlineData("short", null, null)]
    [InlineData("This is clearly an English sentence about the weather today.", "de-DE", "de")]
    public void LanguageDetection_DeclaredWinsShortIsNull(string text, string? declared, string? expected) =>
        Assert.Equal(expected, LanguageDetection.Resolve(text, declared));

    [Theory]
    [InlineData("https://www.reddit.com/r/x/.json?limit=5", "https://www.reddit.com/r/x/.json?limit=5&after=t3_x")]
    [InlineData("https://www.reddit.com:443/r/x/.json?after=t3_old&limit=5", "https://www.reddit.com/r/x/.json?limit=5&after=t3_x")]
    [InlineData("http://example.org/feed", "http://example.org/feed?after=t3_x")]
    [InlineData("http://example.org:8080/feed?a=1", "http://example.org:8080/feed?a=1&after=t3_x")]
    [InlineData("http://example.org:443/feed", "http://example.org:443/feed?after=t3_x")]
    public void Urls_WithQuery_DefaultPortStaysImplicit(string url, string expected)
    {
        var next = Urls.WithQuery(new Uri(url), "after", "t3_x");

        Assert.Equal(expected, next.OriginalString);
        Assert.Equal(expected, next.ToString());
    }

    [Fact]
    public void MarkupDepth_Max_CountsNestingNotVoidTags()
    {
        Assert.Equal(3, MarkupDepth.Max("<html><body><div><br><img src=x><p/></div></body></html>"));
        Assert.True(MarkupDepth.Max(string.Concat(Enumerable.Repeat("<div>", 5000))) > MarkupDepth.Limit);
    }

    [Fact]
    public void PageSignals_ScriptShell_DetectsEmptyAppRoot()
    {
        Assert.True(PageSignals.IsScriptShell("<html><head><script src=a.js></script></head><body><div id=root></div>" + new string(' ', 300) + "</body></html>"));
        Assert.False(PageSignals.IsScriptShell("<html><body><p>" + new string('w', 400) + "</p><script></script></body></html>"));
    }

    [Fact]
    public void MetaTags_Read_MetaLinksTitleAndLang()
    {
        var meta = MetaTags.Read("""<html lang="pt-BR"><head><title> A &amp; B </title><meta property="og:title" content="OG"><link rel="canonical next" href="/c"></head><body><meta name="x" content="late"></body></html>""");
        Assert.Equal(("OG", "A & B", "/c", "/c", "pt"), (meta.Get("og:title"), meta.Title, meta.Link("canonical"), meta.Link("next"), meta.DeclaredLanguage));
        Assert.Null(meta.Get("x"));
    }

    [Fact]
    public void InputGuard_RejectsBinaryAndEmpty()
    {
        Assert.NotNull(InputGuard.Check(new PageInput { Url = new Uri("https://a.example/"), Body = "" }));
        Assert.NotNull(InputGuard.Check(new PageInput { Url = new Uri("https://a.example/"), Body = new string('\0', 100) + "abc" }));
        Assert.Null(InputGuard.Check(new PageInput { Url = new Uri("https://a.example/"), Body = "<html>ok</html>" }));
        _ = JsonSerializer.Serialize(1);
    }
}
