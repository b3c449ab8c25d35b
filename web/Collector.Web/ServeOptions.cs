using System.Globalization;
using System.Net;

namespace Collector.Web;

/// <summary>How `collector serve` listens and what it allows; <see cref="Validate"/> lists every problem at start-up.</summary>
public sealed class ServeOptions
{
    /// <summary>Tokens shorter than this are refused: the token is the only thing between the network and the archive.</summary>
    public const int MinTokenLength = 16;

    /// <summary>Where the UI listens (loopback unless a token is set).</summary>
    public required IPEndPoint Listen { get; init; }

    /// <summary>Where archived content (DOM, raw responses, screenshots, media) is served: another origin than the UI's.
    /// Null: the UI's address, the next port (any free port when the UI's port is 0).</summary>
    public IPEndPoint? ArtifactListen { get; init; }

    /// <summary>The access token every request must carry (Bearer header or the cookie set by a ?token= visit); null: none.</summary>
    public string? Token { get; init; }

    /// <summary>Verify and export from the pages (otherwise the application is read-only).</summary>
    public bool AllowActions { get; init; }

    /// <summary>A folder holding the output of `collector detect` (chains, network, account flags).</summary>
    public string? DetectDir { get; init; }

    /// <summary>Where exported case bundles are written (actions only); null: a folder under the system's temp.</summary>
    public string? ExportDir { get; init; }

    /// <summary>The collection's configuration (sources and schedules) for the collection page; null: runs only.</summary>
    public Collector.Configuration.CollectorOptions? Collection { get; init; }

    /// <summary>The time-stamping authority's root certificate to ship in exported bundles (as `collector export --format bundle` is given it).</summary>
    public Collector.Evidence.Bundles.BundleTrust? BundleTrust { get; init; }

    /// <summary>Parses a capture's stored page again, so that an export refuses versions whose text the page does not hold.</summary>
    public Collector.Storage.ICaptureRederiver? Rederiver { get; init; }

    public long MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Longest path plus query accepted (longer: 414).</summary>
    public int MaxUrlLength { get; init; } = 4096;

    public IPEndPoint EffectiveArtifactListen =>
        ArtifactListen ?? new IPEndPoint(Listen.Address, Listen.Port == 0 ? 0 : Listen.Port + 1);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Token is null && !IPAddress.IsLoopback(Listen.Address))
        {
            errors.Add($"--listen {Listen} is not a loopback address: anyone who can reach it could read the archive. Give --token or --token-file (every request must then carry it), or listen on 127.0.0.1");
        }

        if (Token is not null && Token.Length < MinTokenLength)
        {
            errors.Add($"the token is {Token.Length} characters long: use at least {MinTokenLength} (e.g. `openssl rand -hex 16`)");
        }

        if (Token is not null && Token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add("the token contains white space or control characters");
        }

        var artifacts = EffectiveArtifactListen;
        if (artifacts.Port != 0 && artifacts.Port == Listen.Port)
        {
            errors.Add($"the artifact origin must listen on another port than the UI ({Listen.Port}): archived pages must not share the UI's origin");
        }

        if (!IPAddress.IsLoopback(artifacts.Address) && Token is null)
        {
            errors.Add($"the artifact listener {artifacts} is not a loopback address and no token is set");
        }

        if (DetectDir is not null && !Directory.Exists(DetectDir))
        {
            errors.Add($"--detect-dir {DetectDir}: no such folder");
        }

        if (MaxRequestBodyBytes <= 0 || MaxUrlLength < 256)
        {
            errors.Add("request limits must be positive (body) and at least 256 characters (URL)");
        }

        return errors;
    }

    /// <summary>Parses HOST:PORT, [IPv6]:PORT or PORT (loopback). Host names other than localhost are refused: give an address.</summary>
    public static IPEndPoint ParseListen(string text)
    {
        var s = text.Trim();
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var onlyPort))
        {
            return new IPEndPoint(IPAddress.Loopback, CheckPort(onlyPort, text));
        }

        var colon = s.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(s[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new FormatException($"--listen '{text}': expected HOST:PORT, e.g. 127.0.0.1:8080");
        }

        var host = s[..colon].Trim('[', ']');
        var address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var ip) ? ip
            : throw new FormatException($"--listen '{text}': '{host}' is not an IP address (use e.g. 127.0.0.1 or 0.0.0.0)");
        return new IPEndPoint(address, CheckPort(port, text));
    }

    private static int CheckPort(int port, string text) => port is >= 0 and <= 65535
        ? port
        : throw new FormatException($"--listen '{text}': port {port} is out of range");
}
