using System.Net;
using Collector.Crawler.Safety;

namespace Collector.Cli.Infrastructure;

/// <summary>Targets on this machine or the local network are one's own (tests, the bench, the demo): they are not paced.</summary>
public static class LocalTargets
{
    public static bool AreLocal(IEnumerable<Uri> targets) =>
        targets.All(t => IPAddress.TryParse(t.Host.Trim('[', ']'), out var ip) ? AddressGuard.IsPrivate(ip) : t.IsLoopback);

    public static bool AreLocal(IEnumerable<string> targets) =>
        AreLocal(targets.Select(t => Uri.TryCreate(t, UriKind.Absolute, out var u) ? u : new Uri("http://unknown.invalid/")));
}
