using Collector.Crawler.Sessions;

namespace Collector.Crawler.Tests.Sessions;

public sealed class SessionTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_NetscapeCookiesTxt_DomainPathSecureAndHttpOnlyRead()
    {
        var cookies = CookieFile.Parse(
            "# Netscape HTTP Cookie File\n" +
            ".example.com\tTRUE\t/\tTRUE\t1893456000\tsession\tabc123\n" +
            "#HttpOnly_www.example.com\tFALSE\t/forum\tFALSE\t0\ttoken\txyz\n");

        Assert.Equal(2, cookies.Count);
        Assert.True(cookies[0].Secure);
        Assert.True(cookies[1].HttpOnly);
        Assert.Equal("session=abc123", CookieHeader.For(new Uri("https://sub.example.com/a"), cookies, Now));
        Assert.Null(CookieHeader.For(new Uri("http://sub.example.com/a"), [cookies[0]], Now));
        Assert.Equal("session=abc123; token=xyz", CookieHeader.For(new Uri("https://www.example.com/forum/1"), cookies, Now));
        Assert.Null(CookieHeader.For(new Uri("https://other.org/"), cookies, Now));
    }

    [Fact]
    public void Parse_JsonExport_ExpiredCookiesNotSent()
    {
        var cookies = CookieFile.Parse("""
            [{"name":"a","value":"1","domain":".example.com","path":"/","secure":false,"expirationDate":1000},
             {"name":"b","value":"2","domain":"example.com","path":"/","httpOnly":true}]
            """);

        Assert.Equal("b=2", CookieHeader.For(new Uri("http://example.com/"), cookies, Now));
    }

    [Fact]
    public void Parse_BrokenLine_SaysWhere()
    {
        var e = Assert.Throws<InvalidDataException>(() => CookieFile.Parse("example.com\tTRUE\t/\n", "c.txt"));

        Assert.Contains("c.txt:1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_SecretHeaders_ValuesHiddenNamesKept()
    {
        var redacted = SecretHeaders.Redact([new("Authorization", "bearer s3cret"), new("Cookie", "a=b"), new("Accept", "text/html")]);

        Assert.DoesNotContain(redacted, h => h.Value.Contains("s3cret", StringComparison.Ordinal) || h.Value == "a=b");
        Assert.Contains(redacted, h => h.Key == "Accept" && h.Value == "text/html");
        Assert.Equal(3, redacted.Count);
    }

    [Fact]
    public void Next_ProxyFailingThreeTimes_SetAside()
    {
        var rotation = new ProxyRotation(["http://10.0.0.1:3128", "socks5://10.0.0.2:1080"]);
        var bad = new Uri("http://10.0.0.1:3128");
        for (var i = 0; i < ProxyRotation.FailuresBeforeSetAside; i++)
        {
            rotation.Report(bad, worked: false);
        }

        var picks = Enumerable.Range(0, 6).Select(_ => rotation.Next()).ToList();

        Assert.All(picks, p => Assert.Equal(new Uri("socks5://10.0.0.2:1080"), p));
        Assert.Equal([bad], rotation.SetAside);
    }

    [Fact]
    public void FromEnvironment_MissingSecret_Null()
    {
        Assert.Null(RedditCredentials.FromEnvironment(n => n == "COLLECTOR_REDDIT_CLIENT_ID" ? "id" : null));
        var both = RedditCredentials.FromEnvironment(n => n.EndsWith("ID", StringComparison.Ordinal) ? "id" : "secret");
        Assert.NotNull(both);
        Assert.DoesNotContain("secret", both.ToString(), StringComparison.Ordinal);
    }
}
