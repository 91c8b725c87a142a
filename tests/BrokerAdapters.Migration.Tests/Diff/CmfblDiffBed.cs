using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Migration.Tests.Diff;

/// <summary>
/// Two CMFBL companies (white labels) on one emulator, each behind the real library as an application registers it
/// (docs/testing.md), seeded with overlapping fake customers and deliberate differences:
/// <list type="table">
/// <item>0–3: only in company 360 (the source).</item>
/// <item>4: the same in both.</item>
/// <item>5: disabled in 361 (Status changed).</item>
/// <item>6: 361 has the email in upper case with spaces around it (the same after normalisation).</item>
/// <item>7: a UK number, with its national 0 in 360 and without in 361 (the same in E.164).</item>
/// <item>8: another phone number in 361 (Phone changed, matched by email).</item>
/// <item>9: in 361 its email belongs to one customer and its phone to another (ambiguous).</item>
/// <item>10–11: only in 361 (the target).</item>
/// </list>
/// </summary>
internal sealed class CmfblDiffBed : IDisposable
{
    private readonly ServiceProvider _services;

    public CmfblDiffBed()
    {
        Emulator = new CmfblEmulator();
        SourceCompany = Emulator.AddCompany("360");
        TargetCompany = Emulator.AddCompany("361");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(SourceCompany.ToConfiguration(section: "Source").Concat(TargetCompany.ToConfiguration(section: "Target")))
            .Build();
        var services = new ServiceCollection();
        services.AddKeyedUserRegistry("source", configuration.GetSection("Source"))
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(Emulator.CreateHandler));
        services.AddKeyedUserRegistry("target", configuration.GetSection("Target"))
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(Emulator.CreateHandler));
        _services = services.BuildServiceProvider();

        Customers = [.. FakeCustomers.Generate(12, seed: 3)];
        Customers[7] = Customers[7] with { Phone = new PhoneNumber("+44", "07700900007") };
        for (var i = 0; i <= 9; i++)
        {
            SourceCompany.Seed(Customers[i]);
        }

        foreach (var i in new[] { 4, 5, 8, 10, 11 })
        {
            TargetCompany.Seed(i == 8 ? Customers[8] with { Phone = new PhoneNumber("+852", "61234567") } : Customers[i]);
        }

        TargetCompany.Seed(Customers[6] with { Email = "  " + Customers[6].Email!.ToUpperInvariant() + " " });
        TargetCompany.Seed(Customers[7] with { Phone = new PhoneNumber("+44", "7700900007") });
        TargetCompany.Seed(Customers[9] with { Phone = new PhoneNumber("+852", "62222222") });
        TargetCompany.Seed(Customers[9] with { Email = "someone.else@example.com", ExternalId = "ext-x" });
        TargetCompany.Customers.Single(c => c.Email == Customers[5].Email).Status = 2;
    }

    public CmfblEmulator Emulator { get; }

    public CmfblEmulatedCompany SourceCompany { get; }

    public CmfblEmulatedCompany TargetCompany { get; }

    /// <summary>The fake customers by index, as seeded into the source (customer 7 with its UK number).</summary>
    public List<NewCustomer> Customers { get; }

    public IUserRegistry Source => _services.GetRequiredKeyedService<IUserRegistry>("source");

    public IUserRegistry Target => _services.GetRequiredKeyedService<IUserRegistry>("target");

    /// <summary>The diff of the two companies' lists.</summary>
    public CustomerDiffResults Compare(DiffOptions? options = null) =>
        CustomerDiff.Compare(Source.ListAsync(new CustomerQuery { PageSize = 3 }), Target.ListAsync(), options);

    public void Dispose() => _services.Dispose();
}
