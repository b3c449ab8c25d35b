using Microsoft.Extensions.Hosting;

namespace Collector.Simulator.Hosting;

/// <summary>
/// The simulated hosts live inside another program (a test, the CLI): they must not take over Ctrl-C or SIGTERM the way
/// the default console lifetime does, or a signal would stop the servers and leave the program waiting. Their owner stops them.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
