using BrokerAdapters.Sandbox;
using BrokerAdapters.Testing;
using BrokerAdapters.Testing.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.McCrm.Tests;

/// <summary>The shared contract, against the sandbox's MC-CRM over a real loopback socket.</summary>
[TestFixture]
public sealed class McCrmSandboxContractTests : SandboxContractTests
{
    protected override string ProviderName => "McCrm";

    protected override void AddProvider(UserRegistryBuilder builder) => builder.AddMcCrm();

    protected override ProviderEmulator EmulatorOf(SandboxServer sandbox) => sandbox.McCrm;
}
