using BrokerAdapters.Sandbox;
using Microsoft.Extensions.Configuration;

namespace BrokerAdapters.DocsSamples.Testing;

/// <summary>docs/testing.md, "Over real sockets: the sandbox".</summary>
public static class SandboxSample
{
    public static async Task<IConfiguration> StartAsync(Func<SandboxServer, Task> use)
    {
        #region testing-sandbox
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { SeedCustomers = 20 });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(sandbox.ToConfiguration("Cmfbl")).Build();
        #endregion
        await use(sandbox);
        return configuration;
    }
}
