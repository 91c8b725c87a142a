using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace BrokerAdapters.Migration.Tests.Files;

/// <summary>The byte-level <c>yyyy-MM-dd</c> parser of the JSON Lines reader accepts exactly what DateOnly.TryParseExact does.</summary>
public sealed class IsoDateTests
{
    private static readonly Gen<string> Candidates =
        Gen.Frequency(
            (4, Gen.Choose(0, 3_652_058).Select(d => DateOnly.FromDayNumber(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            (4, Gen.CollectToArray([Gen.Choose(0, 10_000), Gen.Choose(0, 13), Gen.Choose(0, 32)]).Select(t => $"{t[0]:D4}-{t[1]:D2}-{t[2]:D2}")),
            (2, Gen.Elements("0123456789-/ +x".ToCharArray()).ArrayOf(10).Select(c => new string(c))),
            (1, Gen.Elements("", "1990-1-31", "1990-01-31 ", "1990/01/31", "19900131", "1990-01-31T00", "٢٠٢٠-٠١-٠١")));

    [Test]
    public void Agrees_with_DateOnly_TryParseExact()
    {
        Prop.ForAll(Candidates.ToArbitrary(), text =>
        {
            var expectedOk = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);
            var ok = CustomerJson.TryParseIsoDate(Encoding.UTF8.GetBytes(text), out var actual);
            return (ok == expectedOk && (!ok || actual == expected)).Label($"'{text}': {ok} {actual} vs {expectedOk} {expected}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20_000).WithQuietOnSuccess(true));
    }

    [TestCase("1990-01-31", 1990, 1, 31)]
    [TestCase("2024-02-29", 2024, 2, 29)]
    [TestCase("0001-01-01", 1, 1, 1)]
    [TestCase("9999-12-31", 9999, 12, 31)]
    public void Parses_dates(string text, int year, int month, int day)
    {
        Assert.That(CustomerJson.TryParseIsoDate(Encoding.UTF8.GetBytes(text), out var date), Is.True);
        Assert.That(date, Is.EqualTo(new DateOnly(year, month, day)));
    }

    [TestCase("2023-02-29")]
    [TestCase("0000-01-01")]
    [TestCase("1990-13-01")]
    [TestCase("1990-00-10")]
    [TestCase("1990-01-32")]
    [TestCase("1990-01-3a")]
    public void Refuses_what_is_not_a_calendar_date(string text)
    {
        Assert.That(CustomerJson.TryParseIsoDate(Encoding.UTF8.GetBytes(text), out _), Is.False);
    }
}
