using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Cmfbl.Tests.Resilience;

/// <summary>A registry over the CMFBL emulator, which keeps customers: it shows what a retry really created.</summary>
internal sealed class EmulatedCmfbl : IDisposable
{
    public const string CreateOperation = CmfblUserRegistry.CreateBizType;

    private EmulatedCmfbl(
        CmfblEmulatorOptions? options, Action<Dictionary<string, string?>>? configure, Action<IServiceCollection>? configureServices)
    {
        Emulator = new CmfblEmulator(options);
        Company = Emulator.AddCompany("360");
        var settings = new Dictionary<string, string?>(Company.ToConfiguration());
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        configureServices?.Invoke(services);
        services.AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(Emulator.CreateHandler));
        Services = services.BuildServiceProvider();
    }

    public CmfblEmulator Emulator { get; }

    public CmfblEmulatedCompany Company { get; }

    public ServiceProvider Services { get; }

    public IUserRegistry Registry => Services.GetRequiredService<IUserRegistry>();

    public ICmfblUserRegistry Cmfbl => Services.GetRequiredService<ICmfblUserRegistry>();

    public static string CreateUrl => CmfblEmulator.DefaultBaseUrl + "/openapi-b/" + CreateOperation;

    /// <summary>The operations the emulator received, in order.</summary>
    public string[] Operations => [.. Emulator.Requests.Select(r => r.Operation)];

    public static EmulatedCmfbl Create(params (string Setting, string Value)[] resilience) =>
        new(null, settings =>
        {
            foreach (var (setting, value) in resilience)
            {
                settings[Resilient.Section + setting] = value;
            }
        }, null);

    /// <summary>A registry over an emulator that behaves as <paramref name="options"/> say, with settings and services of the test's own.</summary>
    public static EmulatedCmfbl With(
        CmfblEmulatorOptions? options = null, Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? configureServices = null) =>
        new(options, configure, configureServices);

    public void Dispose() => Services.Dispose();
}
