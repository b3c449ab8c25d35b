using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Collector.Cli.Infrastructure;

/// <summary>Writes log lines (UTC) to a file, so that a live progress display keeps the terminal to itself.</summary>
public sealed class FileLoggerProvider(string path, TimeProvider time) : ILoggerProvider
{
    private readonly StreamWriter writer = new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    private readonly ConcurrentDictionary<string, Logger> loggers = new(StringComparer.Ordinal);
    private readonly TimeProvider clock = time;

    public ILogger CreateLogger(string categoryName) => loggers.GetOrAdd(categoryName, c => new Logger(this, c));

    public void Dispose()
    {
        writer.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Write(string line)
    {
        lock (writer)
        {
            writer.WriteLine(line);
        }
    }

    private sealed class Logger(FileLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var at = owner.clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
            owner.Write($"{at} {logLevel.ToString().ToUpperInvariant()[..4]} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
        }
    }
}
