using FsCheck;
using FsCheck.Fluent;
using PhoneNumbers;

namespace BrokerAdapters.Migration.Tests.Diff;

/// <summary>
/// The phone key's shortcut (skip libphonenumber when the number is already canonical) must give exactly what
/// libphonenumber gives, for any country code and any digits.
/// </summary>
public sealed class CustomerKeysPhoneTests
{
    private static readonly int[] CallingCodes = [.. PhoneNumberUtil.GetInstance().GetSupportedCallingCodes().Order()];

    private static readonly Gen<string> Digits =
        Gen.Choose(1, 18).SelectMany(length => Gen.Choose(0, 9).ArrayOf(length)).Select(d => string.Concat(d));

    // Every supported calling code (geographic and not), and some codes that are no calling code at all.
    private static readonly Gen<string> CountryCodes =
        Gen.Frequency(
            (8, Gen.Elements(CallingCodes).Select(c => "+" + c)),
            (1, Gen.Choose(0, 999).Select(c => "+" + c)),
            (1, Gen.Elements("", "+", "+0", "+00", "+1234")));

    // Numbers as they come: plain digits, with a national prefix or trunk zero, with separators, too short, too long.
    private static readonly Gen<string> Numbers =
        Gen.Frequency(
            (6, Digits),
            (1, Digits.Select(d => "0" + d)),
            (1, Digits.Select(d => "1" + d)),
            (1, Digits.Select(d => "8" + d)),
            (1, Digits.Select(d => d.Length > 3 ? d[..3] + " " + d[3..] : d)),
            (1, Gen.Elements("1", "9", "00", "12345678901234567890", "98a763237")));

    [Test]
    public void The_shortcut_agrees_with_libphonenumber_for_any_number()
    {
        var arbitrary = Gen.Zip(CountryCodes, Numbers).ToArbitrary();
        var config = Config.QuickThrowOnFailure.WithMaxTest(20_000).WithQuietOnSuccess(true);

        Prop.ForAll(arbitrary, pair =>
        {
            var phone = new PhoneNumber(pair.Item1, pair.Item2);
            var expected = string.IsNullOrWhiteSpace(phone.Number) ? null : CustomerKeys.PhoneSlow(phone.E164);
            var actual = CustomerKeys.Phone(phone);
            return (actual == expected).Label($"{phone.CountryCode} {phone.Number}: {actual} vs libphonenumber {expected}");
        }).Check(config);
    }

    [Test]
    public void Every_calling_code_agrees_on_a_thousand_numbers_each()
    {
        var random = new Random(20261123);
        var shortcuts = 0;
        var disagreements = new List<string>();
        foreach (var code in CallingCodes)
        {
            for (var i = 0; i < 1000; i++)
            {
                var digits = string.Concat(Enumerable.Range(0, random.Next(2, 16)).Select(_ => (char)('0' + random.Next(10))));
                var phone = new PhoneNumber("+" + code, digits);
                if (CustomerKeys.IsAlreadyCanonical(phone))
                {
                    shortcuts++;
                }

                var expected = CustomerKeys.PhoneSlow(phone.E164);
                if (CustomerKeys.Phone(phone) != expected)
                {
                    disagreements.Add($"{phone.E164} -> {CustomerKeys.Phone(phone)} vs {expected}");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(disagreements, Is.Empty);
            // The shortcut must actually be taken for most numbers, or it saves nothing.
            Assert.That(shortcuts, Is.GreaterThan(CallingCodes.Length * 1000 / 2));
        });
    }

    [TestCase("+852", "98763237", true, "+85298763237")]
    [TestCase("+44", "7911123456", true, "+447911123456")]
    [TestCase("+44", "1800201234", false, "+441800201234")] // starts with GB's other national prefix for parsing, 180020
    [TestCase("+44", "07911123456", false, "+447911123456")] // trunk zero: libphonenumber strips it
    [TestCase("+1", "2015550123", true, "+12015550123")]
    [TestCase("+1", "12015550123", false, "+12015550123")] // NANP national prefix 1
    [TestCase("+39", "0612345678", false, "+390612345678")] // Italian leading zero is kept
    [TestCase("+800", "12345678", false, "+80012345678")] // non-geographic code
    [TestCase("+999", "12345678", false, "+99912345678")] // no such calling code
    [TestCase("+852", "9876 3237", true, "+85298763237")] // separators are gone before keying
    public void Known_numbers(string countryCode, string number, bool shortcut, string key)
    {
        var phone = new PhoneNumber(countryCode, number);

        Assert.Multiple(() =>
        {
            Assert.That(CustomerKeys.IsAlreadyCanonical(phone), Is.EqualTo(shortcut));
            Assert.That(CustomerKeys.Phone(phone), Is.EqualTo(key));
        });
    }
}
