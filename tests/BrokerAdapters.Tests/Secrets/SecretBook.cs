using System.Security.Cryptography;
using System.Text;

namespace BrokerAdapters.Tests.Secrets;

/// <summary>The secrets one test used, by name, and where they turn up in a text.</summary>
internal sealed class SecretBook
{
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);

    public int Count => _secrets.Count;

    /// <summary>A new random password (18 characters, within MC-CRM's 20) and, as its own secret, its MD5 as CMFBL sends it.</summary>
    public string NewPassword(string name)
    {
        var password = "Pw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))[..15];
        AddPassword(name, password);
        return password;
    }

    public void AddPassword(string name, string password)
    {
        Add(name, password);
        Add(name + " (MD5)", Md5(password));
    }

    public void Add(string name, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        // Short values would match ordinary text and prove nothing; every secret a test makes is long.
        Assert.That(secret, Has.Length.AtLeast(8), $"{name} is too short to be searched for");
        _secrets.TryAdd(secret, name);
    }

    /// <summary>Adds a private key: its PEM body as one base64 text and line by line, and its DER as base64.</summary>
    public void AddPrivateKey(string name, RSA key)
    {
        var pkcs8 = Convert.ToBase64String(key.ExportPkcs8PrivateKey());
        var pkcs1 = Convert.ToBase64String(key.ExportRSAPrivateKey());
        Add(name + " (PKCS#8 base64)", pkcs8);
        Add(name + " (PKCS#1 base64)", pkcs1);
        foreach (var pem in new[] { key.ExportPkcs8PrivateKeyPem(), key.ExportRSAPrivateKeyPem() })
        {
            foreach (var line in pem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))
            {
                Add(name + " (PEM line)", line);
            }
        }
    }

    /// <summary>The names of the secrets <paramref name="text"/> contains, compared case-insensitively (hex may change case).</summary>
    public IReadOnlyList<string> FoundIn(string? text) =>
        text is null ? [] : [.. _secrets.Where(s => text.Contains(s.Key, StringComparison.OrdinalIgnoreCase)).Select(s => s.Value).Distinct()];

    public static string Md5(string password)
    {
#pragma warning disable CA5351 // CMFBL's wire format is MD5.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5351
    }
}
