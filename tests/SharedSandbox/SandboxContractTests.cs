using BrokerAdapters.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Testing.Support;

/// <summary>The shared contract against one provider of the sandbox, over a real loopback socket.</summary>
[NonParallelizable]
public abstract class SandboxContractTests : UserRegistryContractTests
{
    private SandboxServer _sandbox = null!;

    /// <summary>Gets the provider the registry selects, e.g. <c>Cmfbl</c>.</summary>
    protected abstract string ProviderName { get; }

    [OneTimeSetUp]
    public async Task StartSandboxAsync() => _sandbox = await SandboxServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopSandboxAsync() => await _sandbox.DisposeAsync();

    /// <summary>Adds the provider under test to the registry.</summary>
    protected abstract void AddProvider(UserRegistryBuilder builder);

    /// <summary>Gets the sandbox's emulator of the provider under test.</summary>
    protected abstract ProviderEmulator EmulatorOf(SandboxServer sandbox);

    protected override Task<UserRegistryContractContext> CreateContextAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_sandbox.ToConfiguration(ProviderName)).Build();
        var services = new ServiceCollection();
        AddProvider(services.AddUserRegistry(configuration.GetSection("UserRegistry")));
        var provider = services.BuildServiceProvider();
        var emulator = EmulatorOf(_sandbox);
        return Task.FromResult(new UserRegistryContractContext(
            provider.GetRequiredService<IUserRegistry>(),
            () => emulator.Requests.Count,
            provider.DisposeAsync,
            emulator.Faults));
    }
}
