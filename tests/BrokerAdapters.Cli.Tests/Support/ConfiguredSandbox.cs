using BrokerAdapters.Sandbox;
using Newtonsoft.Json.Linq;

// In the tests' root namespace: a SetUpFixture serves the tests of its namespace and below.
namespace BrokerAdapters.Cli.Tests;

/// <summary>
/// A sandbox the tests start themselves and hand to the CLI as a configured provider (a <c>--config</c> file or
/// environment variables), as a real deployment would: the CLI must then not start its embedded sandbox.
/// </summary>
[SetUpFixture]
public sealed class ConfiguredSandbox
{
    public const int SeedCustomers = 25;

    private static SandboxServer? _server;
    private static string? _directory;

    public static SandboxServer Server => _server ?? throw new InvalidOperationException("The sandbox is not started.");

    /// <summary>Gets the current directory the CLI runs in: it holds no appsettings.json, only the tests' config files.</summary>
    public static string WorkingDirectory => _directory ?? throw new InvalidOperationException("The sandbox is not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { Port = 0, SeedCustomers = SeedCustomers });
        _directory = Directory.CreateTempSubdirectory("brokeradapters-cli-config-").FullName;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }

        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The sandbox's settings for <paramref name="provider"/> (both providers' sections, Provider set).</summary>
    public static Dictionary<string, string?> Settings(string provider) => new(Server.ToConfiguration(provider));

    /// <summary>Writes settings as an appsettings-style JSON file and returns its path.</summary>
    public static string WriteConfigFile(IReadOnlyDictionary<string, string?> settings) =>
        WriteJson(Configuration.ConfigurationJson.ToJson(settings));

    /// <summary>Writes a JSON document to a new file and returns its path.</summary>
    public static string WriteJson(JToken json) => WriteText(json.ToString());

    /// <summary>Writes text to a new file and returns its path.</summary>
    public static string WriteText(string text)
    {
        var path = Path.Combine(_directory!, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The settings as <c>BROKERADAPTERS__</c> environment variables.</summary>
    public static Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string?> settings) =>
        settings.ToDictionary(s => "BROKERADAPTERS__" + s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
}
