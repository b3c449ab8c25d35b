using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.X509;

namespace Collector.Evidence.Timestamps;

/// <summary>
/// Checks an RFC 3161 token on its own: that it parses, that its signature holds under the TSA certificate it carries
/// (which must be valid at the stamped time and carry the timeStamping extended key usage), that its message imprint is
/// the SHA-256 of the given bytes, and how far the certificate chain goes with the certificates available.
/// </summary>
public static class TimestampVerifier
{
    public static TimestampCheck Verify(byte[] token, ReadOnlySpan<byte> stampedBytes, IReadOnlyList<X509Certificate>? trustAnchors = null) =>
        VerifyHash(token, SHA256.HashData(stampedBytes), trustAnchors);

    public static TimestampCheck VerifyHash(byte[] token, byte[] expectedSha256, IReadOnlyList<X509Certificate>? trustAnchors = null)
    {
        TimeStampToken parsed;
        try
        {
            parsed = new TimeStampToken(new CmsSignedData(token));
        }
        catch (Exception e) when (e is CmsException or TspException or IOException or ArgumentException or InvalidCastException)
        {
            return TimestampCheck.Failed($"not an RFC 3161 token: {e.Message}");
        }

        var info = parsed.TimeStampInfo;
        var problems = new List<string>();
        var imprint = info.GetMessageImprintDigest();
        if (info.MessageImprintAlgOid != TspAlgorithms.Sha256)
        {
            problems.Add($"message imprint uses {info.MessageImprintAlgOid}, not SHA-256");
        }
        else if (!CryptographicOperations.FixedTimeEquals(imprint, expectedSha256))
        {
            problems.Add($"message imprint {Convert.ToHexStringLower(imprint)} is not the stamped file's hash {Convert.ToHexStringLower(expectedSha256)} (token belongs to other data)");
        }

        var certificates = parsed.GetCertificates().EnumerateMatches(null).ToList();
        var signer = certificates.FirstOrDefault(c => parsed.SignerID.Match(c));
        string chain = "";
        if (signer is null)
        {
            problems.Add("the token carries no signer certificate, so its signature cannot be checked");
        }
        else
        {
            try
            {
                parsed.Validate(signer); // signature, ESS signing-certificate binding, EKU, validity at genTime
            }
            catch (Exception e) when (e is TspException or TspValidationException or CmsException)
            {
                problems.Add($"token signature does not hold: {e.Message}");
            }

            chain = DescribeChain(signer, certificates, trustAnchors, info.GenTime, problems);
        }

        return new TimestampCheck(problems.Count == 0, problems, info.GenTime, info.SerialNumber.ToString(),
            info.Tsa?.ToString() ?? signer?.SubjectDN.ToString(), Convert.ToHexStringLower(imprint), chain);
    }

    private static string DescribeChain(
        X509Certificate signer, List<X509Certificate> carried, IReadOnlyList<X509Certificate>? anchors, DateTime at, List<string> problems)
    {
        var pool = carried.Concat(anchors ?? []).ToList();
        var names = new List<string> { signer.SubjectDN.ToString() };
        var current = signer;
        for (var depth = 0; depth < 8; depth++)
        {
            if (anchors?.Any(a => a.Equals(current)) == true)
            {
                return string.Join(" <- ", names) + " (trusted anchor)";
            }

            if (current.IssuerDN.Equivalent(current.SubjectDN) && Verifies(current, current))
            {
                if (anchors is { Count: > 0 })
                {
                    problems.Add($"certificate chain ends at {current.SubjectDN}, which is not among the trusted anchors");
                }

                return string.Join(" <- ", names) + " (self-signed root; whether to trust it is the reader's decision)";
            }

            var issuer = pool.FirstOrDefault(c => c.SubjectDN.Equivalent(current.IssuerDN) && Verifies(current, c));
            if (issuer is null)
            {
                if (anchors is { Count: > 0 })
                {
                    problems.Add($"issuer {current.IssuerDN} of {current.SubjectDN} is not available: chain cannot reach a trusted anchor");
                }

                return string.Join(" <- ", names) + $" (issuer {current.IssuerDN} not included)";
            }

            if (!issuer.IsValid(at))
            {
                problems.Add($"issuer certificate {issuer.SubjectDN} was not valid at the stamped time {at:O}");
            }

            names.Add(issuer.SubjectDN.ToString());
            current = issuer;
        }

        problems.Add("certificate chain is longer than 8: not followed further");
        return string.Join(" <- ", names);
    }

    private static bool Verifies(X509Certificate subject, X509Certificate issuer)
    {
        try
        {
            subject.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    internal static bool HasTimeStampingUsage(X509Certificate certificate) =>
        certificate.GetExtendedKeyUsage()?.Contains(KeyPurposeID.id_kp_timeStamping) == true;
}

/// <summary>What a token check found; <see cref="Problems"/> is empty when it holds.</summary>
public sealed record TimestampCheck(
    bool Valid, IReadOnlyList<string> Problems, DateTime? GenTime, string? SerialNumber, string? Authority, string? ImprintHex, string Chain)
{
    public static TimestampCheck Failed(string problem) => new(false, [problem], null, null, null, null, "");
}
