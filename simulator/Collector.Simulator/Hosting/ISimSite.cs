using Microsoft.AspNetCore.Http;

namespace Collector.Simulator.Hosting;

/// <summary>One simulated platform's pages: answers every request that is not robots.txt or a fault.</summary>
public interface ISimSite
{
    SimPlatform Platform { get; }

    /// <summary>The robots.txt this host serves by default.</summary>
    string Robots { get; }

    Task HandleAsync(HttpContext context);
}
