using System.Security.Cryptography;

namespace BrokerAdapters.Migration;

/// <summary>
/// Cryptographically random temporary passwords: a letter first (so a spreadsheet never reads one as a formula),
/// then lower- and upper-case letters, digits and a few symbols, with each class present. Look-alike characters
/// (I, l, O, 0, 1) are left out because operators pass these passwords on by hand.
/// </summary>
internal static class TemporaryPasswords
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "!#%*+-=?@_";
    private const string Letters = Lower + Upper;
    private const string All = Lower + Upper + Digits + Symbols;

    public static string Create(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, MinLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLength);
        while (true)
        {
            var password = RandomNumberGenerator.GetString(Letters, 1) + RandomNumberGenerator.GetString(All, length - 1);
            if (password.AsSpan().IndexOfAny(Lower) >= 0 && password.AsSpan().IndexOfAny(Upper) >= 0
                && password.AsSpan().IndexOfAny(Digits) >= 0 && password.AsSpan().IndexOfAny(Symbols) >= 0)
            {
                return password;
            }
        }
    }
}
