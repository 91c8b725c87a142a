using BrokerAdapters.Cli.Tests.Support;
using BrokerAdapters.Migration;
using BrokerAdapters.Testing;

namespace BrokerAdapters.Cli.Tests.Migration;

public sealed class ExportCommandTests
{
    private static readonly string CsvHeader =
        "provider,id,number,externalId,email,phoneCountryCode,phoneNumber,country,givenName,middleName,familyName,fullName,birthDate," +
        "street,houseNumber,city,postalCode,addressLine,language,timeZone,source,groupId,utmSource,utmMedium,utmCampaign,utmContent,utmTerm," +
        "clientIp,device,status,kycStatus,createdAt,updatedAt,lastLoginAt,extra";

    // The embedded sandbox seeds CMFBL company 360 with fake customers 0-9 (seed 1).
    private static readonly IReadOnlyList<NewCustomer> Seeded = FakeCustomers.Generate(Configuration.EmbeddedSandbox.SeedCustomers, seed: 1);

    [Test]
    public async Task Export_to_jsonl_on_the_embedded_sandbox_writes_every_customer_as_listed()
    {
        using var directory = new TempDirectory();

        var result = await directory.RunAsync("export", "--out", "users.jsonl");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var customers = await CustomerJsonLines.ReadFileAsync(directory.PathOf("users.jsonl")).ToListAsync();
        Assert.That(customers, Has.Count.EqualTo(10));
        Assert.That(customers.Select(c => c.Email), Is.EquivalentTo(Seeded.Select(c => c.Email)));
        var first = customers.Single(c => c.Number == "86000001");
        Assert.That((first.Provider, first.Id, first.Email, first.Phone?.E164), Is.EqualTo(("Cmfbl", "1001", Seeded[0].Email, "+85290000000")));
        Assert.That(first.Country, Is.Null, "CMFBL list answers have no country: only --details reads it");
        Assert.That(result.Stdout, Does.Contain("Exported 10 customers from Cmfbl to users.jsonl (JSON Lines)"));
        Assert.That(result.Stdout, Does.Contain("--details"));
        Assert.That(result.Stderr, Does.Contain("embedded sandbox"));
    }

    [Test]
    public async Task Export_to_csv_with_details_writes_the_header_and_the_fields_list_answers_lack()
    {
        using var directory = new TempDirectory();

        var result = await directory.RunAsync("export", "--out", "users.csv", "--details");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var text = await File.ReadAllTextAsync(directory.PathOf("users.csv"));
        var records = Csv.ParseWithHeader(text);
        Assert.That(text[..text.IndexOf('\r', StringComparison.Ordinal)], Is.EqualTo(CsvHeader));
        Assert.That(records, Has.Count.EqualTo(10));
        var first = records.Single(r => r["number"] == "86000001");
        Assert.That(
            (first["email"], first["phoneCountryCode"], first["phoneNumber"], first["country"], first["externalId"]),
            Is.EqualTo((Seeded[0].Email, "+852", "90000000", Seeded[0].Country, "ext-0000000")));
        var readBack = await CustomerCsv.ReadFileAsync(directory.PathOf("users.csv")).ToListAsync();
        Assert.That(readBack.Select(c => c.Country), Is.EquivalentTo(Seeded.Select(c => c.Country)));
        Assert.That(result.Stdout, Does.Contain("(CSV)").And.Not.Contain("add --details"));
    }

    [Test]
    public async Task Export_format_overrides_the_extension_and_json_prints_a_summary_document()
    {
        await using var sandbox = await MigrationSandbox.StartAsync();
        foreach (var customer in MigrationSandbox.Customers(12))
        {
            sandbox.Company360.Seed(customer);
        }

        var config = sandbox.PathOf("registry.json");
        await File.WriteAllTextAsync(config, Configuration.ConfigurationJson.ToJson(sandbox.Server.ToConfiguration("Cmfbl")).ToString());

        var result = await sandbox.RunAsync("export", "--config", config, "--out", "users.txt", "--format", "csv", "--page-size", "5", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That((string?)result.Json["provider"], Is.EqualTo("Cmfbl"));
        Assert.That((string?)result.Json["format"], Is.EqualTo("csv"));
        Assert.That((long?)result.Json["customers"], Is.EqualTo(12));
        Assert.That((string?)result.Json["file"], Is.EqualTo(sandbox.PathOf("users.txt")));
        Assert.That((await File.ReadAllLinesAsync(sandbox.PathOf("users.txt")))[0], Is.EqualTo(CsvHeader));
        Assert.That(sandbox.Server.Cmfbl.Requests.Count(r => r.Operation.EndsWith(".page", StringComparison.Ordinal)), Is.EqualTo(3), "12 customers at 5 per page");
        Assert.That(result.Stderr, Does.Not.Contain("embedded sandbox"), "a configured provider is used as configured");
    }

    [Test]
    public async Task Export_from_a_provider_that_cannot_list_exits_8_and_writes_no_file()
    {
        using var directory = new TempDirectory();

        var result = await directory.RunAsync("export", "--provider", "McCrm", "--out", "users.jsonl");

        Assert.That(result.ExitCode, Is.EqualTo(8), result.ToString);
        Assert.That(result.ErrorLine, Does.StartWith("error: NotSupported (McCrm): McCrm does not support listing its customers, so it cannot be exported"));
        Assert.That(Directory.GetFiles(directory.Path), Is.Empty);
    }

    [Test]
    public async Task Export_without_out_is_a_usage_error()
    {
        var result = await Tool.RunAsync("export");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain("--out"));
    }
}
