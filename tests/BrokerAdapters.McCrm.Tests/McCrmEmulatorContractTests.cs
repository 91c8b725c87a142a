using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.McCrm.Tests;

/// <summary>The shared contract, against the MC-CRM emulator in memory.</summary>
[TestFixture]
public sealed class McCrmEmulatorContractTests : UserRegistryContractTests
{
    protected override Task<UserRegistryContractContext> CreateContextAsync()
    {
        var emulator = new McCrmEmulator();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(emulator.ToConfiguration()).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler));
        var provider = services.BuildServiceProvider();
        return Task.FromResult(new UserRegistryContractContext(
            provider.GetRequiredService<IUserRegistry>(),
            () => emulator.Requests.Count,
            provider.DisposeAsync,
            emulator.Faults));
    }
}
