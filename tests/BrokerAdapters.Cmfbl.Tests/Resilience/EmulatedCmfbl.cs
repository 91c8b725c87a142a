using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Cmfbl.Tests.Resilience;

/// <summary>A registry over the CMFBL emulator, which keeps customers: it shows what a retry really created.</summary>
internal sealed class EmulatedCmfbl : IDisposable
{
    public const string CreateOperation = CmfblUserRegistry.CreateBizType;

    private EmulatedCmfbl(params (string Setting, string Value)[] resilience)
    {
        Company = Emulator.AddCompany("360");
        var settings = new Dictionary<string, string?>(Company.ToConfiguration());
        foreach (var (setting, value) in resilience)
        {
            settings[Resilient.Section + setting] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(Emulator.CreateHandler));
        Services = services.BuildServiceProvider();
    }

    public CmfblEmulator Emulator { get; } = new();

    public CmfblEmulatedCompany Company { get; }

    public ServiceProvider Services { get; }

    public IUserRegistry Registry => Services.GetRequiredService<IUserRegistry>();

    public static string CreateUrl => CmfblEmulator.DefaultBaseUrl + "/openapi-b/" + CreateOperation;

    /// <summary>The operations the emulator received, in order.</summary>
    public string[] Operations => [.. Emulator.Requests.Select(r => r.Operation)];

    public static EmulatedCmfbl Create(params (string Setting, string Value)[] resilience) => new(resilience);

    public void Dispose() => Services.Dispose();
}
