using System.Security.Cryptography;
using System.Text;

namespace BrokerAdapters.McCrm.Tests.TestSupport;

/// <summary>A merchant key pair made for this test run: the provider gets the public half, the tests decrypt with the private one.</summary>
internal static class TestKeys
{
    // 1024 bits, as the ciphertext in MC-CRM's documented sample implies.
    public static RSA Merchant { get; } = RSA.Create(1024);

    public static string PublicKeyPem { get; } = Merchant.ExportSubjectPublicKeyInfoPem();

    public static string PublicKeyBase64 { get; } = Convert.ToBase64String(Merchant.ExportSubjectPublicKeyInfo());

    /// <summary>Decrypts with the private key; the padding is chosen here, independently of the code under test.</summary>
    public static string Decrypt(string base64Ciphertext, McCrmPasswordPadding padding)
    {
        var rsaPadding = padding switch
        {
            McCrmPasswordPadding.Pkcs1 => RSAEncryptionPadding.Pkcs1,
            McCrmPasswordPadding.OaepSha1 => RSAEncryptionPadding.OaepSHA1,
            McCrmPasswordPadding.OaepSha256 => RSAEncryptionPadding.OaepSHA256,
            _ => throw new ArgumentOutOfRangeException(nameof(padding)),
        };
        return Encoding.UTF8.GetString(Merchant.Decrypt(Convert.FromBase64String(base64Ciphertext), rsaPadding));
    }

    public static string SmallKeyPem(int bits)
    {
        using var rsa = RSA.Create(bits);
        return rsa.ExportSubjectPublicKeyInfoPem();
    }
}
