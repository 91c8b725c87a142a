using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Samples.ExampleCrm.Tests;

#region contract-tests
/// <summary>The shared contract of every <see cref="IUserRegistry"/>, against the Example CRM emulator in memory.</summary>
[TestFixture]
public sealed class ExampleCrmContractTests : UserRegistryContractTests
{
    protected override Task<UserRegistryContractContext> CreateContextAsync()
    {
        var emulator = new ExampleCrmEmulator();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(emulator.ToConfiguration()).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddExampleCrm(http => http.ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler));
        var provider = services.BuildServiceProvider();

        // With the emulator's faults, the suite's fault tests (rate limit, malformed answer, lost registration,
        // slow provider) run too.
        return Task.FromResult(new UserRegistryContractContext(
            provider.GetRequiredService<IUserRegistry>(),
            () => emulator.Requests.Count,
            provider.DisposeAsync,
            emulator.Faults));
    }
}
#endregion
