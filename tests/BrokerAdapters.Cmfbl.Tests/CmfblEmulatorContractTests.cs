using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Cmfbl.Tests;

/// <summary>The shared contract, against the CMFBL emulator in memory.</summary>
[TestFixture]
public sealed class CmfblEmulatorContractTests : UserRegistryContractTests
{
    protected override Task<UserRegistryContractContext> CreateContextAsync()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(company.ToConfiguration()).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler));
        var provider = services.BuildServiceProvider();
        return Task.FromResult(new UserRegistryContractContext(
            provider.GetRequiredService<IUserRegistry>(),
            () => emulator.Requests.Count,
            provider.DisposeAsync,
            emulator.Faults));
    }
}
