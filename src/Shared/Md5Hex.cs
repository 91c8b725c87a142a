using System.Security.Cryptography;
using System.Text;

namespace BrokerAdapters.Internal;

/// <summary>MD5 of UTF-8 text as hex, the form providers expect for password hashes and signatures.</summary>
internal static class Md5Hex
{
    public static string Lower(string text) => Convert.ToHexStringLower(Hash(text));

    public static string Upper(string text) => Convert.ToHexString(Hash(text));

    private static byte[] Hash(string text)
    {
#pragma warning disable CA5351 // The providers' wire format is MD5; it is not used for our own security decisions.
        return MD5.HashData(Encoding.UTF8.GetBytes(text));
#pragma warning restore CA5351
    }
}
