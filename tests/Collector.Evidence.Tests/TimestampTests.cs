using System.Security.Cryptography;
using System.Text;
using Collector.Configuration;
using Collector.Evidence.Timestamps;
using Collector.Model;
using Collector.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.Evidence.Tests;

public sealed class TimestampTests
{
    internal static TimestampClient Client(HttpClient http) =>
        new(http, TimeProvider.System, NullLogger<TimestampClient>.Instance) { FirstRetryDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task StampAsync_LoopbackAuthority_TokenVerifiesWithOpensslTsVerify()
    {
        var openssl = WaczTests.Which("openssl");
        Assert.SkipWhen(openssl is null, "openssl is not installed: the independent token check cannot run");
        await using var tsa = await LoopbackTimestampAuthority.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        using var dir = new TempDir();
        var data = Encoding.UTF8.GetBytes("{\"runId\":\"r1\",\"captures\":[]}");
        File.WriteAllBytes(dir.File("manifest.json"), data);
        File.WriteAllBytes(dir.File("other.json"), [.. data, (byte)' ']);

        var result = await Client(http).StampAsync(tsa.Url, SHA256.HashData(data), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        File.WriteAllBytes(dir.File("token.tst"), result.Token!);
        var (ca, cert) = tsa.WritePem(dir.Path);
        var (code, output) = await WaczTests.RunAsync(openssl!, "ts", "-verify", "-token_in", "-in", dir.File("token.tst"), "-data", dir.File("manifest.json"), "-CAfile", ca, "-untrusted", cert);
        Assert.True(code == 0, output);
        Assert.Contains("Verification: OK", output);
        var (otherCode, otherOutput) = await WaczTests.RunAsync(openssl!, "ts", "-verify", "-token_in", "-in", dir.File("token.tst"), "-data", dir.File("other.json"), "-CAfile", ca, "-untrusted", cert);
        Assert.NotEqual(0, otherCode);
        Assert.Contains("message imprint mismatch", otherOutput);
    }

    [Fact]
    public async Task Verify_LoopbackToken_HoldsForItsDataAndNamesTheImprintOtherwise()
    {
        await using var tsa = await LoopbackTimestampAuthority.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var data = Encoding.UTF8.GetBytes("manifest bytes");
        var token = (await Client(http).StampAsync(tsa.Url, SHA256.HashData(data), TestContext.Current.CancellationToken)).Token!;

        var good = TimestampVerifier.Verify(token, data, tsa.TrustAnchors);
        var bad = TimestampVerifier.Verify(token, Encoding.UTF8.GetBytes("other bytes"));
        var garbage = TimestampVerifier.Verify([1, 2, 3], data);

        Assert.True(good.Valid, string.Join("; ", good.Problems));
        Assert.EndsWith("(trusted anchor)", good.Chain);
        Assert.Contains("CN=Collector loopback TSA", good.Chain);
        var problem = Assert.Single(bad.Problems);
        Assert.Contains("message imprint " + Convert.ToHexStringLower(SHA256.HashData(data)), problem);
        Assert.False(garbage.Valid);
        Assert.StartsWith("not an RFC 3161 token", garbage.Problems[0]);
    }

    [Fact]
    public async Task Verify_ForeignTrustAnchor_ReportsChainNotReachingIt()
    {
        await using var tsa = await LoopbackTimestampAuthority.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var data = Encoding.UTF8.GetBytes("x");
        var token = (await Client(http).StampAsync(tsa.Url, SHA256.HashData(data), TestContext.Current.CancellationToken)).Token!;
        var stranger = TestCertificates.Create(DateTimeOffset.UnixEpoch.AddYears(56), "Someone else");

        var check = TimestampVerifier.Verify(token, data, [stranger.Ca]);

        Assert.False(check.Valid);
        Assert.Contains(check.Problems, p => p.Contains("not among the trusted anchors", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StampAsync_AuthorityFailsTwice_RetriesAndGetsToken()
    {
        await using var tsa = await LoopbackTimestampAuthority.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        tsa.FailNext(2);

        var result = await Client(http).StampAsync(tsa.Url, new byte[32], TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("HTTP 503", result.Errors[0]);
    }

    [Fact]
    public async Task StampAsync_AuthorityUnreachable_ReportsEveryAttemptWithoutThrowing()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var http = new HttpClient();

        var result = await Client(http).StampAsync(new Uri($"http://127.0.0.1:{port}/tsa"), new byte[32], TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Errors.Count);
        Assert.StartsWith("attempt 3:", result.Errors[2]);
    }

    [Fact]
    public async Task StampRunAsync_TwoAuthoritiesOneDown_StoresTokenAndManifestAndVerifies()
    {
        using var dir = new TempDir();
        await using var tsa = await LoopbackTimestampAuthority.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var archive = await EvidenceWorld.ArchiveWithAsync(dir.Path, [EvidenceWorld.PostPage("1"), EvidenceWorld.PostPage("2"), EvidenceWorld.PostPage("9", runId: "run-2")]);
        using var http = new HttpClient();
        var options = new EvidenceOptions { TimestampAuthorities = [tsa.Url.ToString(), "http://127.0.0.1:9/tsa"] };
        var stamper = new RunManifestStamper(Client(http), options, TimeProvider.System, NullLogger<RunManifestStamper>.Instance);

        var report = await stamper.StampRunAsync(archive, "run-1", TestContext.Current.CancellationToken);

        Assert.Equal(1, report.Stamped);
        Assert.Contains("127.0.0.1:9", Assert.Single(report.Failures));
        var manifestStream = await archive.Artifacts.OpenReadAsync(report.ManifestSha256, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(manifestStream!);
        var manifest = RunManifest.Parse(Encoding.UTF8.GetBytes(await reader.ReadToEndAsync(TestContext.Current.CancellationToken)))!;
        Assert.Equal(["cap1", "cap2"], manifest.Captures.Select(c => c.Id));
        Assert.Equal(4, manifest.Captures[0].Artifacts.Count);
        Assert.NotNull(manifest.CustodyHead);
        var entries = new List<CustodyEntry>();
        await foreach (var e in archive.Custody.ReadAsync(1, TestContext.Current.CancellationToken))
        {
            entries.Add(e);
        }

        Assert.Equal(manifest.CustodyHead!.Hash, entries.Single(e => e.Sequence == manifest.CustodyHead.Sequence).Hash);
        var stamp = entries.Single(e => e.Action == RunManifestStamper.TimestampAction);
        Assert.Equal(report.ManifestSha256, stamp.ArtifactHashes[1]);
        var (count, problems) = await ArchiveTimestampVerifier.VerifyAsync(archive, TestContext.Current.CancellationToken);
        Assert.Equal(1, count);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task VerifyAsync_TimestampEntryPointingAtOtherManifest_ReportsImprintMismatch()
    {
        using var dir = new TempDir();
        await using var tsa = await LoopbackTimestampAuthority.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var archive = await EvidenceWorld.ArchiveWithAsync(dir.Path, [EvidenceWorld.PostPage("1")]);
        using var http = new HttpClient();
        var token = (await Client(http).StampAsync(tsa.Url, new byte[32], TestContext.Current.CancellationToken)).Token!;
        var tokenRef = await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Timestamp, token), TestContext.Current.CancellationToken);
        var manifestRef = await archive.Artifacts.PutAsync(new ArtifactContent(ArtifactKinds.Manifest, Encoding.UTF8.GetBytes("{}")), TestContext.Current.CancellationToken);
        await archive.Custody.AppendAsync(new CustodyEvent { Action = "timestamp", Subject = "run-x", ArtifactHashes = [tokenRef.Sha256, manifestRef.Sha256] }, TestContext.Current.CancellationToken);

        var (_, problems) = await ArchiveTimestampVerifier.VerifyAsync(archive, TestContext.Current.CancellationToken);

        Assert.Contains("message imprint", Assert.Single(problems));
    }
}
