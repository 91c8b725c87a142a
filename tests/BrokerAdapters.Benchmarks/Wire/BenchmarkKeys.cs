using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace BrokerAdapters.Benchmarks.Wire;

/// <summary>RSA public keys generated once per process and size (the private halves are thrown away).</summary>
internal static class BenchmarkKeys
{
    private static readonly ConcurrentDictionary<int, string> Pems = new();

    public static string PublicKeyPem(int bits) => Pems.GetOrAdd(bits, static b =>
    {
        using var rsa = RSA.Create(b);
        return rsa.ExportSubjectPublicKeyInfoPem();
    });
}
