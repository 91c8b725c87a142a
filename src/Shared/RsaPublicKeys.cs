using System.Security.Cryptography;

namespace BrokerAdapters.Internal;

/// <summary>Imports RSA public keys given as PEM or as base64 SubjectPublicKeyInfo (or PKCS#1 RSAPublicKey) DER.</summary>
internal static class RsaPublicKeys
{
    /// <summary>Imports a key; throws <see cref="CryptographicException"/> or <see cref="FormatException"/> when it is not one.</summary>
    public static RSA Import(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var rsa = RSA.Create();
        try
        {
            var trimmed = key.Trim();
            if (trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(trimmed);
                return rsa;
            }

            var der = Convert.FromBase64String(string.Concat(trimmed.Where(c => !char.IsWhiteSpace(c))));
            try
            {
                rsa.ImportSubjectPublicKeyInfo(der, out _);
            }
            catch (CryptographicException)
            {
                rsa.ImportRSAPublicKey(der, out _);
            }

            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    /// <summary>Tells whether <paramref name="key"/> imports as an RSA public key.</summary>
    public static bool TryValidate(string? key, out string? error) => TryValidate(key, 512, out error);

    /// <summary>Tells whether <paramref name="key"/> imports as an RSA public key of at least <paramref name="minimumBits"/>.</summary>
    public static bool TryValidate(string? key, int minimumBits, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(key))
        {
            error = "is required.";
            return false;
        }

        try
        {
            using var rsa = Import(key);
            if (rsa.KeySize < minimumBits)
            {
                error = $"is a {rsa.KeySize}-bit key; at least {minimumBits} bits are required.";
                return false;
            }

            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            error = "is not an RSA public key in PEM or base64 SubjectPublicKeyInfo form.";
            return false;
        }
    }
}
