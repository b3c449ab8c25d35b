namespace Collector.Configuration;

/// <summary>One problem in a configuration, at its JSON path ($.sources[0].schedule).</summary>
public sealed record ConfigError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>A configuration that cannot be used; <see cref="Errors"/> lists every problem found (exit code 2).</summary>
public sealed class ConfigException(IReadOnlyList<ConfigError> errors)
    : Exception("invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
