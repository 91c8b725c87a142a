using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Migration.Tests.Migrate;

/// <summary>
/// Two CMFBL companies (360, the source, and 361) and an MC-CRM merchant, each behind the real library through DI as
/// an application would register them, plus a temporary directory for journals and password files.
/// </summary>
internal sealed class MigrationTestBed : IAsyncDisposable
{
    public const string CmfblCreate = "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc";
    public const string McCrmSignup = "user/signup";

    private readonly ServiceProvider _services;

    public MigrationTestBed()
    {
        Cmfbl = new CmfblEmulator();
        Company360 = Cmfbl.AddCompany("360");
        Company361 = Cmfbl.AddCompany("361");
        McCrm = new McCrmEmulator();

        var settings = Company360.ToConfiguration(section: "Source")
            .Concat(Company361.ToConfiguration(section: "Target"))
            .Concat(McCrm.ToConfiguration(section: "McCrm"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddKeyedUserRegistry("source", configuration.GetSection("Source"))
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(Cmfbl.CreateHandler));
        services.AddKeyedUserRegistry("target", configuration.GetSection("Target"))
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(Cmfbl.CreateHandler));
        services.AddKeyedUserRegistry("mccrm", configuration.GetSection("McCrm"))
            .AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(McCrm.CreateHandler));
        _services = services.BuildServiceProvider();

        Directory = Path.Combine(Path.GetTempPath(), "brokeradapters-migrate-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public CmfblEmulator Cmfbl { get; }

    public CmfblEmulatedCompany Company360 { get; }

    public CmfblEmulatedCompany Company361 { get; }

    public McCrmEmulator McCrm { get; }

    /// <summary>CMFBL company 360.</summary>
    public IUserRegistry Source => _services.GetRequiredKeyedService<IUserRegistry>("source");

    /// <summary>CMFBL company 361.</summary>
    public IUserRegistry CmfblTarget => _services.GetRequiredKeyedService<IUserRegistry>("target");

    public IUserRegistry McCrmTarget => _services.GetRequiredKeyedService<IUserRegistry>("mccrm");

    public string Directory { get; }

    public string JournalPath => Path.Combine(Directory, "journal.jsonl");

    public string PasswordsPath => Path.Combine(Directory, "passwords.csv");

    /// <summary>Seeds company 360 with <paramref name="count"/> fake customers and returns them.</summary>
    public IReadOnlyList<NewCustomer> SeedSource(int count, int firstIndex = 0)
    {
        var customers = FakeCustomers.Generate(count, seed: 7, firstIndex: firstIndex);
        foreach (var customer in customers)
        {
            Company360.Seed(customer);
        }

        return customers;
    }

    /// <summary>The source side as a migration reads it: company 360's list, with details.</summary>
    public IAsyncEnumerable<Customer> SourceCustomers() => Source.ListWithDetailsAsync();

    public MigrationOptions Options(int maxConcurrency = 4) => new()
    {
        JournalPath = JournalPath,
        Passwords = MigrationPasswordPolicy.Generate(PasswordsPath),
        MaxConcurrency = maxConcurrency,
    };

    /// <summary>The rows of the generated CSV password file, by column name.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> PasswordRows()
    {
        // Generated passwords contain no comma or quote, so a plain split reads the file.
        var lines = File.ReadAllLines(PasswordsPath);
        var header = lines[0].Split(',');
        return lines.Skip(1)
            .Select(line => (IReadOnlyDictionary<string, string>)header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))
            .ToArray();
    }

    public string Text(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;

    public ValueTask DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return _services.DisposeAsync();
    }

    public static string Phone(CmfblEmulatedCustomer customer) => customer.PhoneArea + customer.Phone;
}
