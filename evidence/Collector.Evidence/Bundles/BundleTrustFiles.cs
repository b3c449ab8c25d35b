using System.Text;
using Collector.Evidence.Timestamps;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Tsp;

namespace Collector.Evidence.Bundles;

/// <summary>
/// What a reader needs to check a bundle's timestamp tokens without Collector: each token's certificate chain as the
/// authority sent it (timestamps/RUN/token-….chain.pem, for reading, not for trusting), the authority's root as
/// TSA-CA.pem when the exporter was given one (the demo's loopback authority), and README.txt naming which file to
/// trust and why, with the exact openssl command for every token.
/// </summary>
public static class BundleTrustFiles
{
    public const string RootFile = "TSA-CA.pem";
    public const string ReadmeFile = "README.txt";

    public static void Add(SortedDictionary<string, byte[]> files, IReadOnlyList<BundleTimestamp> timestamps, BundleTrust? trust)
    {
        var chains = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stamp in timestamps)
        {
            if (files.TryGetValue(stamp.Token, out var token) && ChainPem(token) is { } pem)
            {
                var path = stamp.Token[..^".tst".Length] + ".chain.pem";
                files[path] = Encoding.ASCII.GetBytes(pem);
                chains[stamp.Token] = path;
            }
        }

        if (trust is not null)
        {
            files[RootFile] = Encoding.ASCII.GetBytes(trust.RootPem);
        }

        files[ReadmeFile] = Encoding.UTF8.GetBytes(Readme(timestamps, chains, trust));
    }

    /// <summary>The certificates a token carries, as PEM (signer first), or null when it carries none.</summary>
    public static string? ChainPem(byte[] token)
    {
        try
        {
            var parsed = new TimeStampToken(new CmsSignedData(token));
            var certificates = parsed.GetCertificates().EnumerateMatches(null).OrderBy(c => parsed.SignerID.Match(c) ? 0 : 1).ToList();
            return certificates.Count == 0 ? null : string.Concat(certificates.Select(TestCertificates.ToPem));
        }
        catch (Exception e) when (e is CmsException or TspException or IOException or ArgumentException or InvalidCastException)
        {
            return null;
        }
    }

    private static string Readme(IReadOnlyList<BundleTimestamp> timestamps, Dictionary<string, string> chains, BundleTrust? trust)
    {
        var text = new StringBuilder();
        text.Append("Collector case bundle\n=====================\n\n")
            .Append("1. Files. manifest.json lists every other file with its SHA-256: compare each with `sha256sum FILE`.\n")
            .Append("   `collector verify case.zip` does that and more: each post version against the custody entry that sealed it,\n")
            .Append("   the custody chain up to its head (custody/anchor.json), each timestamp token against its run manifest.\n\n")
            .Append("2. Custody head. custody/anchor.json is the head the archive's anchor file held when this bundle was made.\n")
            .Append("   It binds only if you hold that head from elsewhere (the archive keeper's copy of the anchor file, or a\n")
            .Append("   head they published); a timestamp token below binds the stamped run manifest's head by itself.\n\n")
            .Append("3. Timestamps. ");
        if (timestamps.Count == 0)
        {
            text.Append("This bundle carries no timestamp token (no time-stamping authority was configured).\n");
            return text.ToString();
        }

        text.Append("Which file to trust, and why:\n");
        if (trust is not null)
        {
            text.Append("   ").Append(RootFile).Append(" is ").Append(trust.Description).Append(".\n")
                .Append("   Trust it only for what it is; for any other authority, get its root certificate from the authority itself\n")
                .Append("   and pass that file as -CAfile instead.\n");
        }
        else
        {
            text.Append("   This bundle ships no root: get the authority's root certificate from the authority itself (its website or\n")
                .Append("   its policy document) and save it as ").Append(RootFile).Append(" beside this file.\n");
        }

        text.Append("   timestamps/…/token-….chain.pem are the certificates the token itself carries: for reading (who signed,\n")
            .Append("   and under which root), never for trusting, since whoever made the token chose them.\n\n")
            .Append("   In the unzipped folder, for each token:\n\n");
        foreach (var stamp in timestamps)
        {
            text.Append("   openssl ts -verify -token_in -in ").Append(stamp.Token).Append(" -data ").Append(stamp.Manifest)
                .Append(" -CAfile ").Append(RootFile).Append('\n');
        }

        text.Append("\n   Each prints \"Verification: OK\" when the token is the authority's signature over that run manifest.\n");
        if (chains.Count > 0)
        {
            text.Append("   To read a token's signer: openssl x509 -noout -subject -issuer -in ").Append(chains.Values.First()).Append('\n');
        }

        return text.ToString();
    }
}

/// <summary>The time-stamping authority's root to ship as TSA-CA.pem, and what it is (said in README.txt).</summary>
public sealed record BundleTrust(string RootPem, string Description);
