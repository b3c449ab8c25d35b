using System.Collections.Concurrent;
using Collector.Configuration;
using Collector.Crawler.Fetching;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Collector.Crawler.Resilience;

/// <summary>
/// One Polly pipeline per host, so that one dead host opens only its own circuit: retries (exponential backoff with
/// jitter, Retry-After honoured) around a circuit breaker. The per-attempt timeout (<see cref="Attempt"/>) is applied by
/// the caller around the request alone, after the host's paced slot was had: waiting for the host is never part of a
/// request's time. Retried here are fetch errors typed <see cref="FetchErrorAction.Retry"/> whose wait is short enough
/// to hold a worker for, and attempt timeouts; a longer Retry-After and an open circuit go back to the queue.
/// The number of attempts bounds the total: no total timeout, which would count the waits for the host's slots.
/// </summary>
public sealed class FetchPipelines(CrawlerOptions options, TimeSpan retryDelay, TimeSpan maxInlineWait, TimeProvider time)
{
    /// <summary>How long an opened circuit stays open.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, ResiliencePipeline<FetchResult>> _byHost = new(StringComparer.OrdinalIgnoreCase);
    private long _retries;

    /// <summary>The per-attempt timeout, around one request only (not the wait for its slot).</summary>
    public ResiliencePipeline Attempt { get; } = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.RequestTimeout).Build();

    /// <summary>The per-attempt timeout as configured.</summary>
    public TimeSpan RequestTimeout => options.RequestTimeout;

    public long Retries => Interlocked.Read(ref _retries);

    public ResiliencePipeline<FetchResult> For(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return _byHost.GetOrAdd(url.Authority, _ => Build());
    }

    private ResiliencePipeline<FetchResult> Build()
    {
        return new ResiliencePipelineBuilder<FetchResult> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<FetchResult>
            {
                MaxRetryAttempts = Math.Max(0, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retryDelay,
                MaxDelay = maxInlineWait,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: TimeoutRejectedException } => true,
                    // attempts that cost the server more than one request (Chromium's own resend) use up the budget sooner
                    { Result.Error: { Action: FetchErrorAction.Retry, Requests: > 1 } e } => (args.AttemptNumber + 2) * e.Requests <= options.MaxRetries + 1,
                    { Result.Error: { Action: FetchErrorAction.Retry } e } => e.RetryAfter is null || e.RetryAfter <= maxInlineWait,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.Error?.RetryAfter is { } wait ? (TimeSpan?)wait : null),
                OnRetry = _ =>
                {
                    Interlocked.Increment(ref _retries);
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<FetchResult>
            {
                FailureRatio = 0.9,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = BreakDuration,

                // only a host that does not answer counts: a 429 or 503 is a living host saying slow down
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: TimeoutRejectedException } => true,
                    { Result: { Error.Action: FetchErrorAction.Retry, Status: null } } => true,
                    { Result: { Error.Action: FetchErrorAction.Retry, Status: >= 500 and not 503 } } => true,
                    _ => false,
                }),
            })
            .Build();
    }
}
