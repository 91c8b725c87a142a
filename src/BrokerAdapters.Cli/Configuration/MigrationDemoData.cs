using BrokerAdapters.Sandbox;
using BrokerAdapters.Testing;

namespace BrokerAdapters.Cli.Configuration;

/// <summary>
/// The data the embedded sandbox starts with for <c>diff</c> and <c>migrate</c> (and <c>sandbox --migration-demo</c>),
/// so that both show something meaningful on a fresh clone:
/// <list type="bullet">
/// <item>CMFBL company 360 has fake customers 0–49 and company 361 fake customers 25–74: white labels sharing half their
/// clientele (25 customers on both sides, 25 only in each);</item>
/// <item>in company 361, two of the shared customers are disabled and locked, and customer 3 of company 360 appears with
/// a new phone, another country and no external id: three <c>Changed</c> customers;</item>
/// <item>in company 361, one customer has the email and another the phone of customer 5 of company 360: an
/// <c>Ambiguous</c> source customer;</item>
/// <item>MC-CRM has company 360's first five customers already, so a migration from 360 to MC-CRM creates 45 and
/// finds 5 refused as duplicates.</item>
/// </list>
/// Diffing 360 (source) with 361 (target) therefore gives 23 identical, 3 changed, 23 only in the source, 25 only in
/// the target and 1 ambiguous customer.
/// </summary>
internal static class MigrationDemoData
{
    /// <summary>The CMFBL company the demo diffs and migrates from.</summary>
    public const string SourceCompany = "360";

    /// <summary>The CMFBL company the demo diffs against.</summary>
    public const string TargetCompany = "361";

    /// <summary>How many customers each CMFBL company starts with (before the deliberate edits).</summary>
    public const int CustomersPerCompany = 50;

    /// <summary>How many of the source company's first customers MC-CRM has already.</summary>
    public const int AlreadyInMcCrm = 5;

    private const int Seed = 1;

    /// <summary>Seeds a sandbox started without customers (<c>SeedCustomers = 0</c>).</summary>
    /// <param name="sandbox">The sandbox.</param>
    public static void Prepare(SandboxServer sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var source = sandbox.Cmfbl.Company(SourceCompany);
        var target = sandbox.Cmfbl.Company(TargetCompany);
        var sourceCustomers = FakeCustomers.Generate(CustomersPerCompany, Seed);
        var targetCustomers = FakeCustomers.Generate(CustomersPerCompany, Seed, firstIndex: CustomersPerCompany / 2);
        foreach (var customer in sourceCustomers)
        {
            source.Seed(customer);
        }

        foreach (var customer in targetCustomers)
        {
            target.Seed(customer);
        }

        // Changed: the same customers, whose accounts the target company disabled and locked (CMFBL status 2 and 5).
        SetStatus(target, targetCustomers[0], status: 2);
        SetStatus(target, targetCustomers[1], status: 5);

        // Changed: the same email, with a new phone number, another country and no external id.
        var moved = sourceCustomers[3];
        target.Seed(moved with
        {
            Phone = new PhoneNumber("+852", "60000003"),
            Country = moved.Country == "GB" ? "DE" : "GB",
            ExternalId = null,
        });

        // Ambiguous: one target customer has the email, another the phone of the same source customer.
        var split = sourceCustomers[5];
        target.Seed(split with { Phone = new PhoneNumber("+852", "60000005"), ExternalId = null });
        target.Seed(split with { Email = "shared.phone.0000005@example.com", ExternalId = null });

        foreach (var customer in sourceCustomers.Take(AlreadyInMcCrm))
        {
            sandbox.McCrm.Seed(customer);
        }
    }

    private static void SetStatus(CmfblEmulatedCompany company, NewCustomer customer, int status) =>
        company.Customers.Single(c => c.Phone == customer.Phone!.Number).Status = status;
}
