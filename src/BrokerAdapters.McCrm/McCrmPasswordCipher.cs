using System.Security.Cryptography;
using System.Text;
using BrokerAdapters.Internal;

namespace BrokerAdapters.McCrm;

/// <summary>
/// Encrypts passwords the way MC-CRM's signup expects: RSA with the merchant's public key over the UTF-8 bytes,
/// sent as base64. The key is imported once; <see cref="Encrypt"/> may be called from any thread.
/// </summary>
internal sealed class McCrmPasswordCipher : IDisposable
{
    /// <summary>MC-CRM's documented password limit, in characters, before encryption.</summary>
    public const int MaxPasswordLength = 20;

    /// <summary>The most UTF-8 bytes <see cref="MaxPasswordLength"/> UTF-16 characters can take (3 per BMP character).</summary>
    public const int MaxPasswordBytes = MaxPasswordLength * 3;

    private readonly RSA _rsa;
    private readonly RSAEncryptionPadding _padding;

    // RSA instances are not documented as thread-safe; public-key operations are cheap enough to serialise.
    private readonly Lock _gate = new();

    public McCrmPasswordCipher(string publicKey, McCrmPasswordPadding padding)
    {
        _padding = ToRsaPadding(padding);
        _rsa = RsaPublicKeys.Import(publicKey);
    }

    public int KeySize => _rsa.KeySize;

    public static RSAEncryptionPadding ToRsaPadding(McCrmPasswordPadding padding) => padding switch
    {
        McCrmPasswordPadding.Pkcs1 => RSAEncryptionPadding.Pkcs1,
        McCrmPasswordPadding.OaepSha1 => RSAEncryptionPadding.OaepSHA1,
        McCrmPasswordPadding.OaepSha256 => RSAEncryptionPadding.OaepSHA256,
        _ => throw new ArgumentOutOfRangeException(nameof(padding), padding, "Unknown padding."),
    };

    /// <summary>Gets the longest plain text, in bytes, one RSA block of <paramref name="keySizeBits"/> holds under <paramref name="padding"/>.</summary>
    public static int MaxPlaintextBytes(int keySizeBits, McCrmPasswordPadding padding)
    {
        var modulusBytes = keySizeBits / 8;
        return padding switch
        {
            McCrmPasswordPadding.Pkcs1 => modulusBytes - 11,
            McCrmPasswordPadding.OaepSha1 => modulusBytes - (2 * SHA1.HashSizeInBytes) - 2,
            McCrmPasswordPadding.OaepSha256 => modulusBytes - (2 * SHA256.HashSizeInBytes) - 2,
            _ => throw new ArgumentOutOfRangeException(nameof(padding), padding, "Unknown padding."),
        };
    }

    /// <summary>Encrypts <paramref name="password"/> and returns the base64 ciphertext; RSA padding makes it differ on every call.</summary>
    public string Encrypt(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var plain = Encoding.UTF8.GetBytes(password);
        try
        {
            byte[] cipher;
            lock (_gate)
            {
                cipher = _rsa.Encrypt(plain, _padding);
            }

            return Convert.ToBase64String(cipher);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    public void Dispose() => _rsa.Dispose();
}
