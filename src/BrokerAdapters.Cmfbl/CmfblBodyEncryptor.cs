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
        var segments = new List<string>((encoded.Length / SegmentLength) + 1);
        for (var start = 0; start < encoded.Length; start += SegmentLength)
        {
            var segment = encoded.Substring(start, Math.Min(SegmentLength, encoded.Length - start));
            var cipher = _rsa.Encrypt(Encoding.ASCII.GetBytes(segment), RSAEncryptionPadding.Pkcs1);
            segments.Add(Convert.ToBase64String(cipher));
        }

        return string.Join(',', segments);
    }

    public void Dispose() => _rsa.Dispose();
}
