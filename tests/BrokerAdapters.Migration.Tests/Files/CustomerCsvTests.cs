using System.Text;
using FsCheck;
using FsCheck.Fluent;
using static BrokerAdapters.Migration.Tests.Diff.DiffTestData;

namespace BrokerAdapters.Migration.Tests.Files;

public sealed class CustomerCsvTests
{
    private const string Header =
        "provider,id,number,externalId,email,phoneCountryCode,phoneNumber,country,givenName,middleName,familyName,fullName,birthDate,"
        + "street,houseNumber,city,postalCode,addressLine,language,timeZone,source,groupId,utmSource,utmMedium,utmCampaign,utmContent,utmTerm,"
        + "clientIp,device,status,kycStatus,createdAt,updatedAt,lastLoginAt,extra";

    [Test]
    public async Task A_customer_is_written_as_one_record_with_flat_columns()
    {
        var text = await WriteAsync(Full(1) with { Address = null, Attribution = null, Extra = new Dictionary<string, string?> { ["companyId"] = "360" } });

        Assert.That(text, Is.EqualTo(
            Header + "\r\n"
            + "Cmfbl,id-0001,860001,ext-0001,ann.lee.0001@example.com,+852,91230001,HK,Ann,May,Lee,Ann May Lee,1990-01-31,"
            + ",,,,,en-US,UTC+8:00,Ios,1,,,,,,203.0.113.7,iPhone 15,Active,2,"
            + "2024-05-01T08:00:00.0000000+00:00,2024-05-02T09:30:00.0000000+08:00,2024-06-01T12:00:00.1230000+00:00,"
            + "\"{\"\"companyId\"\":\"\"360\"\"}\"\r\n"));
    }

    [Test]
    public async Task Commas_quotes_line_breaks_spaces_and_formulas_round_trip_exactly()
    {
        var customer = Full(1) with
        {
            Name = new PersonName { Given = " Ann ", Family = "O'Brien, \"Jr\"", Full = "two\r\nlines" },
            Device = "=HYPERLINK(\"x\")",
            Extra = new Dictionary<string, string?> { ["note"] = "a,b\n\"c\"", ["none"] = null },
        };

        var read = await RoundTripAsync(customer);

        Assert.That(Differences(customer, read.Single()), Is.Empty);
    }

    [Test]
    public async Task An_empty_text_and_a_missing_one_stay_apart()
    {
        var customer = new Customer { Provider = "P", Id = string.Empty, Email = string.Empty, Country = null, Phone = new PhoneNumber(string.Empty, string.Empty) };

        var text = await WriteAsync(customer);
        var read = (await RoundTripAsync(customer)).Single();

        Assert.That(text.Split("\r\n")[1], Does.StartWith("P,\"\",,,\"\",\"\",\"\",,"));
        Assert.That(Differences(customer, read), Is.Empty);
        Assert.That((read.Id, read.Email, read.Country), Is.EqualTo((string.Empty, string.Empty, (string?)null)));
    }

    [Test]
    public void Any_customer_round_trips_exactly()
    {
        Prop.ForAll(CustomerGenerators.CsvCustomer, customer =>
        {
            var read = RoundTripAsync(customer).GetAwaiter().GetResult().Single();
            var differences = Differences(customer, read);
            return differences.Count == 0 ? true.ToProperty() : false.Label(string.Join("; ", differences));
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public async Task A_name_without_any_part_reads_back_as_no_name()
    {
        var read = (await RoundTripAsync(Full(1) with { Name = new PersonName(), Attribution = new MarketingAttribution() })).Single();

        Assert.That(read.Name, Is.Null);
        Assert.That(read.Attribution, Is.Null);
    }

    [Test]
    public async Task Columns_are_matched_by_name_in_any_order_and_optional_ones_may_be_missing()
    {
        const string text = "email,id,status,provider,phoneNumber,phoneCountryCode,extra\n"
            + "ann@example.com,7,locked,McCrm,91234567,+852,\n";

        var customer = (await ReadAsync(text)).Single();

        Assert.That((customer.Provider, customer.Id, customer.Email, customer.Status), Is.EqualTo(("McCrm", "7", "ann@example.com", CustomerStatus.Locked)));
        Assert.That(customer.Phone, Is.EqualTo(new PhoneNumber("+852", "91234567")));
        Assert.That(customer.Name, Is.Null);
        Assert.That(customer.Extra, Is.Empty);
    }

    [Test]
    public async Task A_file_without_an_id_column_is_refused()
    {
        var ex = await Assert.ThrowsAsync<CustomerFormatException>(() => ReadAsync("provider,email\nP,ann@example.com\n"));

        Assert.That(ex!.Message, Is.EqualTo("Line 1: the header has no 'id' column."));
    }

    [TestCase("P,2,Gone,", 3, "status 'Gone' is not one of")]
    [TestCase("P,2,Active,31.01.1990", 3, "birthDate '31.01.1990' is not a date (yyyy-MM-dd).")]
    [TestCase("P,,Active,", 3, "id is required.")]
    [TestCase("P,2,Active,\"1990-01-31", 3, "Malformed CSV")]
    [TestCase("P,2,Active", 3, "")]
    public async Task A_bad_record_is_reported_with_its_line_once_it_is_reached(string badRecord, int line, string message)
    {
        var text = "provider,id,status,birthDate\nP,1,Active,\n" + badRecord + "\nP,3,Active,\n";
        var read = new List<string>();

        var ex = await Assert.ThrowsAsync<CustomerFormatException>(async () =>
        {
            await foreach (var customer in CustomerCsv.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text))))
            {
                read.Add(customer.Id);
            }
        });

        Assert.That(ex!.LineNumber, Is.EqualTo(line));
        Assert.That(ex.Message, Does.StartWith($"Line {line}: {message}"));
        Assert.That(read, Is.EqualTo(new[] { "1" }));
    }

    [Test]
    public async Task Files_are_written_and_read_back_by_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "customers-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            var written = await CustomerCsv.WriteFileAsync(path, Side(Full(1), Full(2)));
            var read = await CustomerCsv.ReadFileAsync(path).ToListAsync();

            Assert.That(written, Is.EqualTo(2));
            Assert.That(Differences(Full(2), read[1]), Is.Empty);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> WriteAsync(params Customer[] customers)
    {
        using var stream = new MemoryStream();
        await CustomerCsv.WriteAsync(stream, Side(customers));
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task<List<Customer>> RoundTripAsync(params Customer[] customers)
    {
        using var stream = new MemoryStream();
        await CustomerCsv.WriteAsync(stream, Side(customers));
        stream.Position = 0;
        return await CustomerCsv.ReadAsync(stream).ToListAsync();
    }

    private static async Task<List<Customer>> ReadAsync(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await CustomerCsv.ReadAsync(stream).ToListAsync();
    }
}
