namespace Collector.Simulator.Faults;

/// <summary>The faults a simulated host can be switched to.</summary>
public enum FaultKind
{
    /// <summary>429 Too Many Requests with a Retry-After header.</summary>
    RateLimit,

    /// <summary>503 Service Unavailable (a burst: give the rule a count).</summary>
    ServiceUnavailable,

    /// <summary>The normal response, after a delay.</summary>
    Slow,

    /// <summary>The connection is aborted without a response (a reset).</summary>
    ConnectionReset,

    /// <summary>A "log in to continue" page instead of the content.</summary>
    LoginWall,

    /// <summary>A "verify you are human" challenge page instead of the content.</summary>
    Captcha,

    /// <summary>302 redirects between two URLs forever.</summary>
    RedirectLoop,

    /// <summary>A page of <see cref="FaultRule.Size"/> bytes (30 MB by default), chunked when <see cref="FaultRule.Chunked"/>.</summary>
    HugePage,

    /// <summary>410 Gone with the platform's removal notice.</summary>
    Gone,

    /// <summary>The normal page in UTF-8 bytes, declared as ISO-8859-1 in the header and the meta tag.</summary>
    WrongCharset,
}
