using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Tests.Emulators;

/// <summary>A registry wired to an emulator exactly as docs/testing.md tells applications to do it.</summary>
internal sealed class EmulatedRegistry : IDisposable
{
    private readonly ServiceProvider _services;

    private EmulatedRegistry(ServiceProvider services) => _services = services;

    public IUserRegistry Registry => _services.GetRequiredService<IUserRegistry>();

    public IServiceProvider Services => _services;

    public static EmulatedRegistry For(CmfblEmulator emulator, CmfblEmulatedCompany company, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>(company.ToConfiguration());
        configure?.Invoke(settings);
        return Build(settings, builder => builder.AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler)));
    }

    public static EmulatedRegistry For(McCrmEmulator emulator, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>(emulator.ToConfiguration());
        configure?.Invoke(settings);
        return Build(settings, builder => builder.AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler)));
    }

    public void Dispose() => _services.Dispose();

    private static EmulatedRegistry Build(Dictionary<string, string?> settings, Action<UserRegistryBuilder> add)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        add(services.AddUserRegistry(configuration.GetSection("UserRegistry")));
        return new EmulatedRegistry(services.BuildServiceProvider());
    }
}
