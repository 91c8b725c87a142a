using System.Text;
using FsCheck;
using FsCheck.Fluent;
using static BrokerAdapters.Migration.Tests.Diff.DiffTestData;

namespace BrokerAdapters.Migration.Tests.Files;

public sealed class CustomerJsonLinesTests
{
    [Test]
    public void A_customer_is_written_as_one_line_in_the_documented_schema()
    {
        var line = CustomerJsonLines.ToLine(Full(1) with { Name = new PersonName { Given = "Ann", Family = "Lee" }, Address = null, Attribution = null });

        Assert.That(line, Is.EqualTo("""
            {"provider":"Cmfbl","id":"id-0001","number":"860001","externalId":"ext-0001","email":"ann.lee.0001@example.com","phone":{"countryCode":"+852","number":"91230001","e164":"+85291230001"},"country":"HK","name":{"given":"Ann","middle":null,"family":"Lee","full":null},"birthDate":"1990-01-31","address":null,"language":"en-US","timeZone":"UTC+8:00","source":"Ios","groupId":"1","attribution":null,"clientIp":"203.0.113.7","device":"iPhone 15","status":"Active","kycStatus":"2","createdAt":"2024-05-01T08:00:00+00:00","updatedAt":"2024-05-02T09:30:00+08:00","lastLoginAt":"2024-06-01T12:00:00.123+00:00","extra":{"companyId":"360","customerType":"0"}}
            """));
    }

    [Test]
    public async Task A_full_customer_round_trips_exactly()
    {
        var customer = Full(1) with
        {
            Name = new PersonName { Given = "陳", Family = "O'Brien \"Junior\"", Full = "line\nbreak, comma" },
            Extra = new Dictionary<string, string?> { ["nested"] = """{"a":[1,2]}""", ["none"] = null, ["empty"] = string.Empty },
        };

        var read = await RoundTripAsync(customer);

        Assert.That(Differences(customer, read.Single()), Is.Empty);
    }

    [Test]
    public async Task Missing_and_empty_values_and_empty_parts_round_trip_exactly()
    {
        var customer = new Customer
        {
            Provider = string.Empty,
            Id = "1",
            Email = string.Empty,
            Name = new PersonName(),
            Address = new PostalAddress { Line = string.Empty },
            Phone = new PhoneNumber(string.Empty, string.Empty),
        };

        var read = (await RoundTripAsync(customer)).Single();

        Assert.That(Differences(customer, read), Is.Empty);
        Assert.That(read.Number, Is.Null);
        Assert.That(read.Email, Is.Empty);
        Assert.That(read.Name, Is.Not.Null);
        Assert.That(read.Extra, Is.Empty);
    }

    [Test]
    public void Any_customer_round_trips_exactly()
    {
        Prop.ForAll(CustomerGenerators.AnyCustomer, customer =>
        {
            var read = RoundTripAsync(customer).GetAwaiter().GetResult().Single();
            var differences = Differences(customer, read);
            return differences.Count == 0 ? true.ToProperty() : false.Label(string.Join("; ", differences));
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public async Task The_output_of_the_CLI_list_command_reads_as_customers()
    {
        // As brokeradapters list --json prints it (Newtonsoft, nulls kept, times with milliseconds).
        const string cli = """
            {"provider":"Cmfbl","id":"1001","number":"86000001","externalId":null,"email":"ann@example.com","phone":{"countryCode":"+852","number":"91234567","e164":"+85291234567"},"country":null,"name":null,"birthDate":null,"address":null,"language":null,"timeZone":null,"source":"System","groupId":"1","attribution":{"source":"google","medium":null,"campaign":null,"content":null,"term":null},"clientIp":null,"device":null,"status":"Active","kycStatus":null,"createdAt":"2024-05-01T08:00:00.123+00:00","updatedAt":null,"lastLoginAt":null,"extra":{"agentCustomerNo":"","companyId":"360"}}
            """;

        var customer = (await ReadAsync(cli + "\n")).Single();

        Assert.That(customer.Phone, Is.EqualTo(new PhoneNumber("+852", "91234567")));
        Assert.That(customer.Source, Is.EqualTo(RegistrationSource.System));
        Assert.That(customer.Attribution, Is.EqualTo(new MarketingAttribution { Source = "google" }));
        Assert.That(customer.CreatedAt, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 8, 0, 0, 123, TimeSpan.Zero)));
        Assert.That(customer.Extra["agentCustomerNo"], Is.Empty);
    }

    [Test]
    public async Task Blank_lines_crlf_a_byte_order_mark_unknown_or_escaped_properties_and_any_property_order_are_accepted()
    {
        var text = "\uFEFF{\"id\":\"1\",\"future\":{\"x\":[1,2]},\"provider\":\"P\",\"status\":\"locked\"}\r\n\r\n   \n{\"provider\":\"P\",\"\\u0069d\":\"2\"}";

        var customers = await ReadAsync(text);

        Assert.That(customers.Select(c => (c.Id, c.Status)), Is.EqualTo(new[] { ("1", CustomerStatus.Locked), ("2", CustomerStatus.Unknown) }));
    }

    [TestCase("{\"provider\":\"P\",\"id\":\"2\"", "Line 3: not valid JSON")]
    [TestCase("{\"provider\":\"P\"}", "Line 3: id is required.")]
    [TestCase("{\"provider\":\"P\",\"id\":\"2\",\"birthDate\":\"31/01/1990\"}", "Line 3: birthDate '31/01/1990' is not a date (yyyy-MM-dd).")]
    [TestCase("{\"provider\":\"P\",\"id\":\"2\",\"email\":42}", "Line 3: email must be a string or null, not a number.")]
    [TestCase("{\"provider\":\"P\",\"id\":\"2\",\"status\":\"Gone\"}", "Line 3: status 'Gone' is not one of Unknown, Active")]
    [TestCase("{\"provider\":\"P\",\"id\":\"2\",\"status\":\"3\"}", "Line 3: status '3' is not one of")]
    [TestCase("{\"provider\":\"P\",\"id\":\"2\",\"phone\":{\"countryCode\":\"+852\"}}", "Line 3: phone.number is required")]
    [TestCase("[1]", "Line 3: a customer must be a JSON object.")]
    [TestCase("{\"provider\":\"P\",\"id\":\"2\"} {}", "Line 3: ")]
    public async Task A_bad_line_is_reported_with_its_number_once_it_is_reached(string badLine, string message)
    {
        var text = "{\"provider\":\"P\",\"id\":\"1\"}\n\n" + badLine + "\n{\"provider\":\"P\",\"id\":\"3\"}\n";
        var read = new List<string>();

        var ex = await Assert.ThrowsAsync<CustomerFormatException>(async () =>
        {
            await foreach (var customer in CustomerJsonLines.ReadAsync(Utf8(text)))
            {
                read.Add(customer.Id);
            }
        });

        Assert.That(ex!.LineNumber, Is.EqualTo(3));
        Assert.That(ex.Message, Does.StartWith(message));
        Assert.That(read, Is.EqualTo(new[] { "1" }), "the customers before it were streamed");
    }

    [Test]
    public async Task Reading_is_lazy_a_line_at_a_time()
    {
        var lines = string.Concat(Enumerable.Range(0, 20_000).Select(i => CustomerJsonLines.ToLine(Full(i)) + "\n"));
        using var stream = new CountingStream(Utf8(lines));

        await using var enumerator = CustomerJsonLines.ReadAsync(stream).GetAsyncEnumerator();
        Assert.That(await enumerator.MoveNextAsync(), Is.True);

        Assert.That(stream.Length, Is.GreaterThan(10_000_000));
        Assert.That(stream.BytesRead, Is.LessThanOrEqualTo(128 * 1024));
    }

    [Test]
    public async Task Lines_longer_than_the_buffer_are_read_whole()
    {
        var customer = Full(1) with { Extra = new Dictionary<string, string?> { ["blob"] = new string('x', 300_000) } };

        var read = await RoundTripAsync(customer, Full(2));

        Assert.That(read.Select(c => c.Id), Is.EqualTo(new[] { "id-0001", "id-0002" }));
        Assert.That(read[0].Extra["blob"], Has.Length.EqualTo(300_000));
    }

    [Test]
    public async Task Files_are_written_and_read_back_by_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "customers-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var written = await CustomerJsonLines.WriteFileAsync(path, Side(Full(1), Full(2), Full(3)));
            var read = await CustomerJsonLines.ReadFileAsync(path).ToListAsync();

            Assert.That(written, Is.EqualTo(3));
            Assert.That(read.Select(c => c.Email), Is.EqualTo(new[] { Full(1).Email, Full(2).Email, Full(3).Email }));
            Assert.That(File.ReadAllText(path).Split('\n'), Has.Length.EqualTo(4), "three lines, each ending with a line feed");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task A_cancelled_read_stops()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        using var stream = Utf8(CustomerJsonLines.ToLine(Full(1)) + "\n");

        var thrown = await CatchAsync(async () => await CustomerJsonLines.ReadAsync(stream, cancellation.Token).ToListAsync());

        Assert.That(thrown, Is.InstanceOf<OperationCanceledException>());
    }

    private static async Task<List<Customer>> RoundTripAsync(params Customer[] customers)
    {
        using var stream = new MemoryStream();
        await CustomerJsonLines.WriteAsync(stream, Side(customers));
        stream.Position = 0;
        return await CustomerJsonLines.ReadAsync(stream).ToListAsync();
    }

    private static async Task<List<Customer>> ReadAsync(string text)
    {
        using var stream = Utf8(text);
        return await CustomerJsonLines.ReadAsync(stream).ToListAsync();
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<Exception?> CatchAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
