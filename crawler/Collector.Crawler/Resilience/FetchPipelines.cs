using System.Collections.Concurrent;
using Collector.Configuration;
using Collector.Crawler.Fetching;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Collector.Crawler.Resilience;

/// <summary>
/// One Polly pipeline per host, so that one dead host opens only its own circuit: a total timeout around retries
/// (exponential backoff with jitter, Retry-After honoured) around a circuit breaker around a per-attempt timeout.
/// Retried are fetch errors typed <see cref="FetchErrorAction.Retry"/> whose wait is short enough to hold a worker for,
/// and attempt timeouts; an open circuit is not retried here (the request goes back to the queue).
/// </summary>
public sealed class FetchPipelines(CrawlerOptions options, TimeSpan retryDelay, TimeSpan maxInlineWait, TimeProvider time)
{
    /// <summary>How long an opened circuit stays open.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, ResiliencePipeline<FetchResult>> _byHost = new(StringComparer.OrdinalIgnoreCase);
    private long _retries;

    public long Retries => Interlocked.Read(ref _retries);

    public ResiliencePipeline<FetchResult> For(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return _byHost.GetOrAdd(url.Authority, _ => Build());
    }

    private ResiliencePipeline<FetchResult> Build()
    {
        var attempts = options.MaxRetries + 1;
        var total = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(10).Ticks, (options.RequestTimeout.Ticks * attempts) + (maxInlineWait.Ticks * 2)));
        return new ResiliencePipelineBuilder<FetchResult> { TimeProvider = time }
            .AddTimeout(total)
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
            .AddTimeout(options.RequestTimeout)
            .Build();
    }
}
