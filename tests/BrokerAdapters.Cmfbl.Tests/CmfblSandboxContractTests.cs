using BrokerAdapters.Sandbox;
using BrokerAdapters.Testing;
using BrokerAdapters.Testing.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Cmfbl.Tests;

/// <summary>The shared contract, against the sandbox's CMFBL over a real loopback socket.</summary>
[TestFixture]
public sealed class CmfblSandboxContractTests : SandboxContractTests
{
    protected override string ProviderName => "Cmfbl";

    protected override void AddProvider(UserRegistryBuilder builder) => builder.AddCmfbl();

    protected override ProviderEmulator EmulatorOf(SandboxServer sandbox) => sandbox.Cmfbl;
}
