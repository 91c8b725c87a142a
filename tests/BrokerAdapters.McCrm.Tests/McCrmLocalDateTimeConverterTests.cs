namespace BrokerAdapters.McCrm.Tests;

public sealed class McCrmLocalDateTimeConverterTests
{
    private static readonly DateTimeOffset Minute = new(2024, 12, 11, 11, 7, 0, TimeSpan.Zero);

    private static readonly object[] Readable =
    [
        new object[] { "2024-12-11T11:07:19.438744618", Minute.AddSeconds(19).AddTicks(4387446) },
        new object[] { "2024-12-11T11:07:19.438744", Minute.AddSeconds(19).AddTicks(4387440) },
        new object[] { "2024-12-11T11:07:19.4", Minute.AddSeconds(19).AddTicks(4000000) },
        new object[] { "2024-12-11T11:07:19", Minute.AddSeconds(19) },
        new object[] { "2024-12-11T11:07", Minute },
        new object[] { "2024-12-11 11:07:19", Minute.AddSeconds(19) },
        new object[] { "2024-12-11T11:07:19Z", Minute.AddSeconds(19) },
    ];

    [TestCaseSource(nameof(Readable))]
    public void Reads_java_local_date_times_as_utc(string text, DateTimeOffset expected)
    {
        var value = McCrmLocalDateTimeConverter.Parse(text);

        Assert.That(value, Is.EqualTo(expected));
        Assert.That(value!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase("")]
    [TestCase("2024-12-11")]
    [TestCase("2024-12-11T11:07:19.1234567890")]
    [TestCase("2024-12-11T11:07:19+08:00")]
    [TestCase("2024-02-30T11:07:19")]
    [TestCase("2024-12-11T25:07:19")]
    [TestCase("2024-12-11T11:07:19\n")]
    [TestCase("２０２４-12-11T11:07:19")]
    public void Rejects_anything_else(string text)
    {
        Assert.That(McCrmLocalDateTimeConverter.Parse(text), Is.Null);
    }
}
