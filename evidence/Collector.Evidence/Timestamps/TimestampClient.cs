using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;

namespace Collector.Evidence.Timestamps;

/// <summary>
/// Asks an RFC 3161 time-stamping authority to stamp a SHA-256 hash (HTTP POST application/timestamp-query), checks the
/// reply against the request (imprint, nonce, status) and returns the token. Failures are retried a bounded number of
/// times with growing delays, then reported in the result: this never throws for a network or authority failure.
/// </summary>
public sealed class TimestampClient(HttpClient http, TimeProvider time, ILogger<TimestampClient> logger)
{
    public const string QueryContentType = "application/timestamp-query";

    public int MaxAttempts { get; init; } = 3;

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public async Task<TimestampResult> StampAsync(Uri authority, byte[] sha256, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(sha256.Length, 32);
        var errors = new List<string>();
        var delay = FirstRetryDelay;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                var token = await AttemptAsync(authority, sha256, cancellationToken);
                return new TimestampResult(authority, token, errors);
            }
            catch (Exception e) when (e is HttpRequestException or TspException or TimestampRefusedException or IOException
                                          or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                var message = e is OperationCanceledException ? $"no answer within {AttemptTimeout.TotalSeconds:0} s" : e.Message;
                errors.Add($"attempt {attempt}: {message}");
                logger.LogWarning("Time-stamping authority {Authority} failed (attempt {Attempt} of {Max}): {Error}", authority, attempt, MaxAttempts, message);
                if (e is TimestampRefusedException { Permanent: true } || attempt == MaxAttempts)
                {
                    break;
                }

                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
        }

        return new TimestampResult(authority, null, errors);
    }

    private async Task<byte[]> AttemptAsync(Uri authority, byte[] sha256, CancellationToken cancellationToken)
    {
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        var request = generator.Generate(TspAlgorithms.Sha256, sha256, new BigInteger(63, new SecureRandom()));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        using var content = new ByteArrayContent(request.GetEncoded());
        content.Headers.ContentType = new MediaTypeHeaderValue(QueryContentType);
        using var response = await http.PostAsync(authority, content, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            throw new TimestampRefusedException($"HTTP {status} {response.ReasonPhrase}", Permanent: status is >= 400 and < 500 and not 408 and not 429);
        }

        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        var reply = new TimeStampResponse(body);
        if (reply.Status is not (0 or 1) || reply.TimeStampToken is null)
        {
            throw new TimestampRefusedException($"authority refused: status {reply.Status} {reply.GetStatusString()}", Permanent: true);
        }

        reply.Validate(request); // imprint, nonce and policy answer what was asked
        return reply.TimeStampToken.GetEncoded();
    }
}

/// <summary>A token (or the reasons there is none) from one authority.</summary>
public sealed record TimestampResult(Uri Authority, byte[]? Token, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Token is not null;
}

/// <summary>The authority answered but gave no token.</summary>
public sealed class TimestampRefusedException(string message, bool Permanent) : Exception(message)
{
    public bool Permanent { get; } = Permanent;
}
