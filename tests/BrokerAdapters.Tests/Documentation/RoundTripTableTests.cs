using System.Text.RegularExpressions;
using BrokerAdapters.Testing;
using BrokerAdapters.Tests.Emulators;

namespace BrokerAdapters.Tests.Documentation;

/// <summary>
/// docs/switching-providers.md's table of the fields that survive a registration and a read back is what the registries
/// give over the emulators: a customer with every field set is registered and found again, field by field.
/// </summary>
public sealed partial class RoundTripTableTests
{
    internal static readonly NewCustomer Everything = new()
    {
        Email = "ann.lee@example.com",
        Phone = new PhoneNumber("+852", "91234567"),
        Password = "S3cure-pass",
        Country = "HK",
        Name = new PersonName { Given = "Ann", Family = "Lee" },
        BirthDate = new DateOnly(1990, 5, 17),
        Address = new PostalAddress { Street = "Queen's Road Central", HouseNumber = "12", City = "Hong Kong", PostalCode = "999077" },
        Language = "en-US",
        TimeZone = "UTC+8:00",
        Source = RegistrationSource.Ios,
        GroupId = "1",
        ExternalId = "crm-42",
        Attribution = new MarketingAttribution { Source = "newsletter", Medium = "email", Campaign = "spring" },
        ClientIp = "203.0.113.7",
        Device = "iPhone 15",
    };

    private static readonly string[] Fields =
        ["Email", "Phone", "Country", "Name", "BirthDate", "Address", "Language", "TimeZone", "Source", "GroupId", "ExternalId", "Attribution", "ClientIp", "Device"];

    [Test]
    public async Task The_round_trip_table_is_what_the_registries_give()
    {
        var cmfblEmulator = new CmfblEmulator();
        var company = cmfblEmulator.AddCompany("360");
        using var cmfbl = EmulatedRegistry.For(cmfblEmulator, company);
        using var mcCrm = EmulatedRegistry.For(new McCrmEmulator());

        var cmfblCustomer = (await cmfbl.Registry.RegisterAsync(Everything)).Customer;
        var onCmfbl = await cmfbl.Registry.FindAsync(CustomerLookup.ByNumber(cmfblCustomer.Number!));
        var mcCrmCustomer = (await mcCrm.Registry.RegisterAsync(Everything)).Customer;
        var onMcCrm = await mcCrm.Registry.FindAsync(CustomerLookup.ById(mcCrmCustomer.Id));

        var actual = Fields.Select(field => $"{field}: {Survival(field, onCmfbl!)} / {Survival(field, onMcCrm!)}").ToList();

        Assert.That(DocumentedTable(), Is.EqualTo(actual));
    }

    private static string Survival(string field, Customer found)
    {
        var sent = typeof(NewCustomer).GetProperty(field)!.GetValue(Everything);
        var read = typeof(Customer).GetProperty(field)!.GetValue(found);
        return Equals(sent, read) ? "kept" : read is null ? "not kept" : "partly";
    }

    /// <summary>The rows of the table after <c>&lt;!-- round-trip --&gt;</c>: field and the first word(s) of each provider's cell.</summary>
    private static List<string> DocumentedTable()
    {
        var page = MarkdownPage.Read(Path.Combine(RepositoryFiles.Root, "docs", "switching-providers.md"));
        var start = Array.FindIndex(page.Lines, line => line.Trim() == "<!-- round-trip -->");
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "docs/switching-providers.md has no <!-- round-trip --> table");

        return page.Lines.Skip(start + 3)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => Row().Match(line))
            .Select(row => $"{row.Groups["field"].Value}: {Cell(row.Groups["cmfbl"].Value)} / {Cell(row.Groups["mccrm"].Value)}")
            .ToList();
    }

    private static string Cell(string text) =>
        text.StartsWith("kept", StringComparison.Ordinal) ? "kept"
        : text.StartsWith("not kept", StringComparison.Ordinal) ? "not kept"
        : text.StartsWith("partly", StringComparison.Ordinal) ? "partly"
        : text;

    [GeneratedRegex(@"^\|\s*`(?<field>[A-Za-z]+)`\s*\|\s*(?<cmfbl>[^|]*?)\s*\|\s*(?<mccrm>[^|]*?)\s*\|")]
    private static partial Regex Row();
}
