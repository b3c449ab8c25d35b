using System.Net;
using System.Text.RegularExpressions;

namespace Collector.Web.Tests;

/// <summary>Traversal, oversize and cross-origin requests refused; archived bytes only by signed link on the other origin; read-only by default.</summary>
public sealed partial class RequestSafetyTests(ServeFixture fixture) : IClassFixture<ServeFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/assets/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/assets/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/assets/..%5C..%5Cetc%5Cpasswd")]
    [InlineData("/capture/..%2F..%2Fetc%2Fpasswd")]
    public async Task Ui_TraversalPath_Refused(string path)
    {
        using var client = fixture.Client();

        using var response = await client.GetAsync(path, Ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/a/..%2F..%2F..%2Fetc%2Fpasswd?type=text/plain&sig=x")]
    [InlineData("/a/%2e%2e%2fcollector.db?type=text/plain&sig=x")]
    public async Task ArtifactOrigin_TraversalPath_Refused(string path)
    {
        using var client = new HttpClient { BaseAddress = fixture.Host.ArtifactUrl };

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Ui_UrlOverLimit_Gets414()
    {
        using var client = fixture.Client();

        using var response = await client.GetAsync("/?q=" + new string('a', 5000), Ct);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task Ui_BodyOverLimit_Gets413BeforeAnythingRuns()
    {
        using var client = fixture.Client();
        using var body = new ByteArrayContent(new byte[200 * 1024]);

        using var response = await client.PostAsync("/capture/c1/verify", body, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Ui_PostFromAnotherOrigin_Gets403()
    {
        using var client = fixture.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/capture/c1/verify");
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("cross-origin", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    public async Task Ui_PostFetchMetadataNotSameOrigin_Gets403(string site)
    {
        using var client = fixture.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/capture/c1/verify");
        request.Headers.Add("Sec-Fetch-Site", site);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("cross-origin", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ui_ActionWithoutAllowActions_Gets403ReadOnly()
    {
        using var client = fixture.Client();

        using var response = await client.PostAsync("/capture/c1/verify", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("--allow-actions", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ui_Page_HasStrictCspAndNoArtifactRoute()
    {
        using var client = fixture.Client();

        using var page = await client.GetAsync("/capture/c1", Ct);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp.Split("style-src")[0], StringComparison.Ordinal);

        // The UI origin never serves archived bytes, even with a valid link of the other origin.
        var link = ArtifactLinkPattern().Match(await page.Content.ReadAsStringAsync(Ct));
        Assert.True(link.Success);
        using var onUi = await client.GetAsync(link.Groups["path"].Value.Replace("&amp;", "&", StringComparison.Ordinal), Ct);
        Assert.Equal(HttpStatusCode.NotFound, onUi.StatusCode);
    }

    [Fact]
    public async Task ArtifactOrigin_SignedLink_ServedSandboxed_TamperedLink_NotFound()
    {
        using var client = fixture.Client();
        var html = await client.GetStringAsync("/capture/c1", Ct);
        var domLink = ArtifactLinkPattern().Matches(html).Select(m => m.Groups["url"].Value.Replace("&amp;", "&", StringComparison.Ordinal))
            .First(u => u.Contains("type=text%2Fhtml", StringComparison.Ordinal));
        Assert.NotEqual(fixture.Ui.Port, new Uri(domLink).Port);
        using var artifacts = new HttpClient();

        using var served = await artifacts.GetAsync(domLink, Ct);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var csp = string.Join(";", served.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox;", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("Captured headline", await served.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The same bytes asked for as another type, or without the signature: not served.
        using var retyped = await artifacts.GetAsync(domLink.Replace("type=text%2Fhtml", "type=text%2Fplain", StringComparison.Ordinal), Ct);
        Assert.Equal(HttpStatusCode.NotFound, retyped.StatusCode);
        using var unsigned = await artifacts.GetAsync(domLink[..domLink.IndexOf("&sig=", StringComparison.Ordinal)], Ct);
        Assert.Equal(HttpStatusCode.NotFound, unsigned.StatusCode);
    }

    [Fact]
    public async Task Ui_ArchivedMarkup_IsEncoded()
    {
        using var client = fixture.Client();

        var page = await client.GetStringAsync("/", Ct);

        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("(?<url>http://[^\"/]+(?<path>/a/[0-9a-f]{64}\\?[^\"]+))\"")]
    private static partial Regex ArtifactLinkPattern();
}
