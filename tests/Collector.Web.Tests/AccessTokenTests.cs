using System.Net;

namespace Collector.Web.Tests;

/// <summary>With a token, every request to the UI must carry it: header, or the cookie a ?token= visit sets.</summary>
public sealed class AccessTokenTests(ServeFixture fixture) : IClassFixture<ServeFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/api/posts")]
    [InlineData("/capture/c1")]
    [InlineData("/assets/site.css")]
    [InlineData("/no-such-page")]
    public async Task Request_WithoutToken_Gets401(string path)
    {
        using var client = fixture.Client(withToken: false);

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("reddit:p1", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithWrongBearer_Gets401()
    {
        using var client = fixture.Client(withToken: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", ServeFixture.Token + "x");

        using var response = await client.GetAsync("/api/posts", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithBearer_IsServed()
    {
        using var client = fixture.Client();

        using var response = await client.GetAsync("/api/posts", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"p1\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenQuery_Valid_SetsHttpOnlyStrictCookieAndDropsTokenFromAddress()
    {
        using var client = fixture.Client(withToken: false);

        using var login = await client.GetAsync($"/capture/c1?token={ServeFixture.Token}&x=1", Ct);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/capture/c1?x=1", login.Headers.Location?.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ServeFixture.Token, cookie, StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/capture/c1");
        again.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var response = await client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TokenQuery_Wrong_Gets401AndNoCookie()
    {
        using var client = fixture.Client(withToken: false);

        using var response = await client.GetAsync("/?token=guess-guess-guess-guess", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Cookie_Forged_Gets401()
    {
        using var client = fixture.Client(withToken: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "collector_session=" + ServeFixture.Token);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
