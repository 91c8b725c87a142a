using BrokerAdapters.Sandbox;
using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.McCrm.Tests;

/// <summary>The shared contract, against the sandbox over a real loopback socket.</summary>
[TestFixture]
[NonParallelizable]
public sealed class McCrmSandboxContractTests : UserRegistryContractTests
{
    private SandboxServer _sandbox = null!;

    [OneTimeSetUp]
    public async Task StartSandboxAsync() => _sandbox = await SandboxServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopSandboxAsync() => await _sandbox.DisposeAsync();

    protected override Task<UserRegistryContractContext> CreateContextAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_sandbox.ToConfiguration("McCrm")).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddMcCrm();
        var provider = services.BuildServiceProvider();
        return Task.FromResult(new UserRegistryContractContext(
            provider.GetRequiredService<IUserRegistry>(),
            () => _sandbox.McCrm.Requests.Count,
            provider.DisposeAsync,
            _sandbox.McCrm.Faults));
    }
}
