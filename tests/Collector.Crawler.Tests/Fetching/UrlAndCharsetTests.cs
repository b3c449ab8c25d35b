using System.Text;
using Collector.Crawler.Fetching;
using Collector.Crawler.Queue;

namespace Collector.Crawler.Tests.Fetching;

public sealed class UrlAndCharsetTests
{
    [Theory]
    [InlineData("HTTP://Example.COM:80/a?b=2&a=1#frag", "http://example.com/a?a=1&b=2")]
    [InlineData("https://example.com:443", "https://example.com/")]
    [InlineData("https://example.com:8443/x?utm_source=t&id=5", "https://example.com:8443/x?id=5")]
    [InlineData("https://example.com/x?Z=1", "https://example.com/x?Z=1")]
    public void UniqueKey_EquivalentUrls_SameKey(string url, string key) =>
        Assert.Equal(key, UrlNormalizer.UniqueKey(new Uri(url)));

    [Theory]
    [InlineData("mailto:a@b.c")]
    [InlineData("javascript:void(0)")]
    [InlineData("ftp://example.com/file")]
    [InlineData("")]
    public void TryHttp_NotHttp_Null(string text) => Assert.Null(UrlNormalizer.TryHttp(text, new Uri("http://h/")));

    [Fact]
    public void CrawlIds_SameJobInAnyOrder_SameId()
    {
        var a = CrawlIds.Derive("s", "generic", ["http://h/b", "http://H/a"], ["a.x"]);
        var b = CrawlIds.Derive("s", "generic", ["http://h/a", "http://h/b#f"], ["a.x"]);
        var c = CrawlIds.Derive("s", "generic", ["http://h/a"], ["a.x"]);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Decode_MetaCharsetWithoutHeader_UsesTheMeta()
    {
        var html = "<html><head><meta charset=\"windows-1251\"><title>Привет</title></head></html>";
        var bytes = CodePages("windows-1251").GetBytes(html);

        Assert.Contains("Привет", Charsets.Decode(bytes, null), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HeaderCharsetWins_OverMeta()
    {
        var bytes = CodePages("koi8-r").GetBytes("<meta charset=\"utf-8\">Мир");

        Assert.EndsWith("Мир", Charsets.Decode(bytes, "koi8-r"), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8Bom_StrippedAndDecoded()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("héllo")).ToArray();

        Assert.Equal("héllo", Charsets.Decode(bytes, null));
    }

    private static Encoding CodePages(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }
}
