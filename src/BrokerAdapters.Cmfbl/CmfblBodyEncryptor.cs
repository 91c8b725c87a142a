using System.Net;
using System.Security.Cryptography;
using System.Text;
using BrokerAdapters.Internal;

namespace BrokerAdapters.Cmfbl;

/// <summary>
/// Encrypts a signed body with the company public key: the JSON is URL-encoded (so every character is one ASCII
/// byte), cut into 100-character segments, each encrypted with RSA PKCS#1 v1.5 and base64-encoded, and the
/// segments joined with commas. The provider decrypts, concatenates and URL-decodes.
/// </summary>
internal sealed class CmfblBodyEncryptor : IDisposable
{
    public const int SegmentLength = 100;

    /// <summary>A 100-byte segment plus PKCS#1 v1.5 padding (11 bytes) needs a modulus of at least 111 bytes; 1024 bits is the documented size.</summary>
    public const int MinimumKeyBits = 1024;

    private readonly RSA _rsa;

    public CmfblBodyEncryptor(string publicKey)
    {
        _rsa = RsaPublicKeys.Import(publicKey);
        if (_rsa.KeySize < MinimumKeyBits)
        {
            var bits = _rsa.KeySize;
            _rsa.Dispose();
            throw new CryptographicException($"The company key has {bits} bits; at least {MinimumKeyBits} are needed for 100-character segments.");
        }

        PublicKey = publicKey;
    }

    /// <summary>Gets the key this encryptor was built from, to tell whether a newer key replaced it.</summary>
    public string PublicKey { get; }

    public string Encrypt(string json)
    {
        var encoded = WebUtility.UrlEncode(json);
        var segments = new string[(encoded.Length + SegmentLength - 1) / SegmentLength];
        Span<byte> plain = stackalloc byte[SegmentLength];
        var cipher = new byte[_rsa.KeySize / 8];
        for (var i = 0; i < segments.Length; i++)
        {
            var start = i * SegmentLength;
            var length = Encoding.ASCII.GetBytes(encoded.AsSpan(start, Math.Min(SegmentLength, encoded.Length - start)), plain);
            if (!_rsa.TryEncrypt(plain[..length], cipher, RSAEncryptionPadding.Pkcs1, out var written))
            {
                throw new CryptographicException("The company key did not encrypt a segment.");
            }

            segments[i] = Convert.ToBase64String(cipher, 0, written);
        }

        return string.Join(',', segments);
    }

    public void Dispose() => _rsa.Dispose();
}
