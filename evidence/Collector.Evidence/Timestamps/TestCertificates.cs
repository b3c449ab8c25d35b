using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Collector.Evidence.Timestamps;

/// <summary>
/// A throw-away certificate authority and a TSA certificate it issued (critical timeStamping EKU), on P-256 keys:
/// what a loopback time-stamping authority signs with. Never for real evidence: the root is made up on the spot.
/// </summary>
public sealed record TestCertificates(X509Certificate Ca, X509Certificate Tsa, AsymmetricKeyParameter TsaKey)
{
    public static TestCertificates Create(DateTimeOffset now, string name = "Collector loopback TSA")
    {
        var random = new SecureRandom();
        var caKeys = NewKeys(random);
        var tsaKeys = NewKeys(random);
        var caName = new X509Name($"CN={name} Root CA,O=Collector test");
        var notBefore = now.UtcDateTime.AddDays(-1);
        var notAfter = now.UtcDateTime.AddYears(5);

        var ca = new X509V3CertificateGenerator();
        ca.SetSerialNumber(BigInteger.ValueOf(1));
        ca.SetIssuerDN(caName);
        ca.SetSubjectDN(caName);
        ca.SetNotBefore(notBefore);
        ca.SetNotAfter(notAfter);
        ca.SetPublicKey(caKeys.Public);
        ca.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(true));
        ca.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
        var caCert = ca.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", caKeys.Private, random));

        var tsa = new X509V3CertificateGenerator();
        tsa.SetSerialNumber(BigInteger.ValueOf(2));
        tsa.SetIssuerDN(caName);
        tsa.SetSubjectDN(new X509Name($"CN={name},O=Collector test"));
        tsa.SetNotBefore(notBefore);
        tsa.SetNotAfter(notAfter);
        tsa.SetPublicKey(tsaKeys.Public);
        tsa.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        tsa.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        tsa.AddExtension(X509Extensions.ExtendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeID.id_kp_timeStamping));
        var tsaCert = tsa.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", caKeys.Private, random));
        return new TestCertificates(caCert, tsaCert, tsaKeys.Private);
    }

    public static string ToPem(X509Certificate certificate) =>
        "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(certificate.GetEncoded(), Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n")
        + "\n-----END CERTIFICATE-----\n";

    private static AsymmetricCipherKeyPair NewKeys(SecureRandom random)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Org.BouncyCastle.Asn1.Sec.SecObjectIdentifiers.SecP256r1, random));
        return generator.GenerateKeyPair();
    }
}
