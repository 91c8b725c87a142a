using BrokerAdapters.Cli.Configuration;
using BrokerAdapters.Sandbox;
using BrokerAdapters.Testing;

namespace BrokerAdapters.Cli.Tests.Support;

/// <summary>
/// A sandbox of one test's own, with exactly the customers the test seeds, and a working directory for its files
/// (the CLI's current directory). Its sections <c>Migration:Source</c> and <c>Migration:Target</c> go into a
/// <c>--config</c> file, as an operator configures two registries.
/// </summary>
internal sealed class MigrationSandbox : IAsyncDisposable
{
    private MigrationSandbox(SandboxServer server, string directory)
    {
        Server = server;
        Directory = directory;
    }

    public SandboxServer Server { get; }

    /// <summary>Gets the test's directory: the CLI runs in it, and the test's files live there.</summary>
    public string Directory { get; }

    public CmfblEmulatedCompany Company360 => Server.Cmfbl.Company("360");

    public CmfblEmulatedCompany Company361 => Server.Cmfbl.Company("361");

    /// <summary>Starts a sandbox without customers.</summary>
    public static async Task<MigrationSandbox> StartAsync() =>
        new(await SandboxServer.StartAsync(new SandboxOptions { Port = 0, SeedCustomers = 0 }), System.IO.Directory.CreateTempSubdirectory("brokeradapters-cli-migration-").FullName);

    /// <summary>Starts a sandbox with the demo data the CLI's embedded sandbox has for diff and migrate.</summary>
    public static async Task<MigrationSandbox> StartWithDemoDataAsync()
    {
        var sandbox = await StartAsync();
        MigrationDemoData.Prepare(sandbox.Server);
        return sandbox;
    }

    /// <summary>Seeds fake customers <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    public static IReadOnlyList<NewCustomer> Customers(int count, int first = 0) => FakeCustomers.Generate(count, seed: 7, firstIndex: first);

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Writes a configuration file with Migration:Source and Migration:Target pointing at this sandbox.</summary>
    /// <param name="source">The source's provider and CMFBL company.</param>
    /// <param name="target">The target's provider and CMFBL company.</param>
    public string WriteConfig((string Provider, string? Company) source, (string Provider, string? Company) target)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (section, side) in new[] { ("Migration:Source", source), ("Migration:Target", target) })
        {
            foreach (var (key, value) in Server.ToConfiguration(side.Provider, section, side.Company))
            {
                settings[key] = value;
            }
        }

        var path = PathOf("config.json");
        File.WriteAllText(path, ConfigurationJson.ToJson(settings).ToString());
        return path;
    }

    /// <summary>Runs the CLI in this sandbox's directory.</summary>
    public Task<CliResult> RunAsync(params string[] args) => Tool.RunAsync(args, environment: null, currentDirectory: Directory);

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync();
        await Server.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
