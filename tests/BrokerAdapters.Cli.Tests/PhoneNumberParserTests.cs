using BrokerAdapters.Cli.Commands;

namespace BrokerAdapters.Cli.Tests;

public sealed class PhoneNumberParserTests
{
    [TestCase("+852 98763237", "+852", "98763237")]
    [TestCase("+85298763237", "+852", "98763237")]
    [TestCase("00852 9876-3237", "+852", "98763237")]
    [TestCase("+44 20 7946 0958", "+44", "2079460958")]
    [TestCase("+1 (415) 555-2671", "+1", "4155552671")]
    public void International_numbers_split_into_country_code_and_national_number(string text, string countryCode, string number)
    {
        Assert.That(PhoneNumberParser.TryParse(text, out var phone), Is.True);
        Assert.That((phone.CountryCode, phone.Number), Is.EqualTo((countryCode, number)));
    }

    [TestCase("98763237")]
    [TestCase("")]
    [TestCase("+")]
    [TestCase("+999 123")]
    public void Numbers_without_a_country_calling_code_are_refused(string text) =>
        Assert.That(PhoneNumberParser.TryParse(text, out _), Is.False);
}
