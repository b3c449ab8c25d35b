using System.Net;
using System.Text.RegularExpressions;
using Collector.Evidence.Bundles;

namespace Collector.Web.Tests;

/// <summary>With --allow-actions: verify a capture (re-hash), export a case bundle and verify it.</summary>
public sealed partial class ActionTests(ActionsFixture fixture) : IClassFixture<ActionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VerifyCapture_Intact_EveryArtifactOk()
    {
        using var client = fixture.Client();

        using var response = await client.PostAsync("/capture/c1/verify", null, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("every artifact matches its hash", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<td class=\"ok\">ok"));
    }

    [Fact]
    public async Task Bundle_ForAPost_WrittenVerifiedAndDownloadable()
    {
        using var client = fixture.Client();

        using var response = await client.PostAsync("/bundle", new FormUrlEncodedContent([new("post", "reddit:p1")]), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("verdict ok", html, StringComparison.Ordinal);
        var name = DownloadLink().Match(html).Groups["name"].Value;
        var zip = await client.GetByteArrayAsync("/exports/" + name, Ct);
        var copy = Path.Combine(fixture.Data.Folder, "downloaded.zip");
        await File.WriteAllBytesAsync(copy, zip, Ct);
        var check = CaseBundleVerifier.Verify(copy);
        Assert.True(check.Valid, string.Join("; ", check.Problems));

        using var again = await client.PostAsync($"/exports/{name}/verify", null, Ct);
        Assert.Contains("verdict ok", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_SelectionFromSearchPage_HoldsEveryTickedPost()
    {
        using var client = fixture.Client();
        var search = await client.GetStringAsync("/", Ct);
        Assert.Contains("name=\"post\" value=\"reddit:p3\"", search, StringComparison.Ordinal);

        using var response = await client.PostAsync("/bundle", new FormUrlEncodedContent([new("post", "reddit:p1"), new("post", "reddit:p3")]), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains("<p>2 posts,", html, StringComparison.Ordinal);
        Assert.Contains("verdict ok", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_UnknownPost_RefusedWithReason()
    {
        using var client = fixture.Client();

        using var response = await client.PostAsync("/bundle", new FormUrlEncodedContent([new("post", "reddit:nope")]), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("reddit:nope", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/exports/..%2F..%2Fcollector.db")]
    [InlineData("/exports/collector.db")]
    [InlineData("/exports/case-20260101T000000Z-0000000g.zip")]
    public async Task Exports_NameNotWrittenByServer_Refused(string path)
    {
        using var client = fixture.Client();

        using var response = await client.GetAsync(path, Ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, response.StatusCode.ToString());
    }

    [Fact]
    public async Task VerifyCapture_ArtifactAlteredOnDisk_ReportsAltered()
    {
        var data = SmallArchive.Open();
        await using var _ = data;
        await using var host = await ServeHost.StartAsync(ServeFixture.Options(allowActions: true, token: null), data.Archive, TimeProvider.System);
        await data.FillAsync(host.UiUrl.GetLeftPart(UriPartial.Authority), "http://127.0.0.1:9");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SmallArchive.Png1x1));
        var where = await ((Collector.Storage.Sqlite.SqliteArchive)data.Archive).LocateArtifactAsync(sha, Ct);
        await using (var file = new FileStream(where!.Path!, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = where.Offset + where.StoredLength!.Value - 1;
            var last = file.ReadByte();
            file.Position--;
            file.WriteByte((byte)(last ^ 0x01));
        }
        using var client = new HttpClient { BaseAddress = host.UiUrl };

        var html = await (await client.PostAsync("/capture/c1/verify", null, Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("ARTIFACTS DO NOT MATCH", html, StringComparison.Ordinal);
        Assert.Contains("altered", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"/exports/(?<name>case-[^\"]+\\.zip)\"")]
    private static partial Regex DownloadLink();
}
