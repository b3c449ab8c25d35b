using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;

namespace Collector.Evidence.Timestamps;

/// <summary>
/// A real RFC 3161 time-stamping authority on loopback (Kestrel, port 0), signing with BouncyCastle's time-stamp
/// response generator under a throw-away CA: for tests and `collector demo`, so both can stamp and verify offline.
/// <see cref="FailNext"/> makes the next requests answer 503, to show that failures are retried and reported.
/// </summary>
public sealed class LoopbackTimestampAuthority : IAsyncDisposable
{
    public const string PolicyOid = "1.3.6.1.4.1.59999.3161.1";

    private readonly WebApplication app;
    private readonly TimeStampResponseGenerator generator;
    private readonly TimeProvider time;
    private long serial;
    private int failNext;

    private LoopbackTimestampAuthority(WebApplication app, TestCertificates certificates, TimeProvider time)
    {
        this.app = app;
        this.time = time;
        Certificates = certificates;
        var tokens = new TimeStampTokenGenerator(certificates.TsaKey, certificates.Tsa, TspAlgorithms.Sha256, PolicyOid);
        tokens.SetCertificates(CollectionUtilities.CreateStore(new[] { certificates.Tsa, certificates.Ca }));
        generator = new TimeStampResponseGenerator(tokens, TspAlgorithms.Allowed);
    }

    public TestCertificates Certificates { get; }

    /// <summary>http://127.0.0.1:PORT/tsa</summary>
    public Uri Url { get; private set; } = null!;

    public long Issued => Interlocked.Read(ref serial);

    /// <summary>The next <paramref name="count"/> requests get HTTP 503.</summary>
    public void FailNext(int count) => Volatile.Write(ref failNext, count);

    public static async Task<LoopbackTimestampAuthority> StartAsync(TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var authority = new LoopbackTimestampAuthority(app, TestCertificates.Create(time.GetUtcNow()), time);
        app.MapPost("/tsa", authority.HandleAsync);
        await app.StartAsync(cancellationToken);
        authority.Url = new Uri(app.Urls.First().TrimEnd('/') + "/tsa");
        return authority;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (Interlocked.Decrement(ref failNext) >= 0)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        TimeStampResponse response;
        try
        {
            var request = new TimeStampRequest(body.ToArray());
            var number = Interlocked.Increment(ref serial);
            response = generator.Generate(request, BigInteger.ValueOf(number), time.GetUtcNow().UtcDateTime);
        }
        catch (Exception e) when (e is TspException or IOException or ArgumentException)
        {
            response = generator.GenerateFailResponse(Org.BouncyCastle.Asn1.Cmp.PkiStatus.Rejection, Org.BouncyCastle.Asn1.Cmp.PkiFailureInfo.BadDataFormat, e.Message);
        }

        context.Response.ContentType = "application/timestamp-reply";
        await context.Response.Body.WriteAsync(response.GetEncoded(), context.RequestAborted);
    }

    /// <summary>Writes ca.pem and tsa.pem into <paramref name="directory"/> (for `openssl ts -verify`).</summary>
    public (string CaPem, string TsaPem) WritePem(string directory)
    {
        var ca = Path.Combine(directory, "ca.pem");
        var tsa = Path.Combine(directory, "tsa.pem");
        File.WriteAllText(ca, TestCertificates.ToPem(Certificates.Ca));
        File.WriteAllText(tsa, TestCertificates.ToPem(Certificates.Tsa));
        return (ca, tsa);
    }

    public IReadOnlyList<X509Certificate> TrustAnchors => [Certificates.Ca];

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
