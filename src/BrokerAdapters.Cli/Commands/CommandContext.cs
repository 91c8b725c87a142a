using BrokerAdapters.Cli.Configuration;
using BrokerAdapters.Cli.Logging;
using BrokerAdapters.Cli.Output;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// What one command works with: its output, the layered configuration (read on first use) and the registries it
/// opens, with the embedded sandbox started only when a provider without an endpoint is used.
/// </summary>
internal sealed class CommandContext : IAsyncDisposable
{
    private static readonly string[] SecretSettingNames = ["AppSecret", "Token", "Secret", "Password", "ApiKey"];
    private static readonly string[] UrlSettingSuffixes = ["Url", "Uri"];

    private IConfiguration? _configuration;

    /// <summary>Creates the context.</summary>
    /// <param name="io">The process's streams and environment.</param>
    /// <param name="globals">The global options.</param>
    /// <param name="output">Where to write.</param>
    public CommandContext(CliIo io, GlobalSettings globals, CliOutput output)
    {
        Io = io;
        Globals = globals;
        Output = output;
    }

    /// <summary>Gets the process's streams and environment.</summary>
    public CliIo Io { get; }

    /// <summary>Gets the global options.</summary>
    public GlobalSettings Globals { get; }

    /// <summary>Gets where to write.</summary>
    public CliOutput Output { get; }

    /// <summary>Gets the sandbox started for providers without an endpoint.</summary>
    public EmbeddedSandbox Sandbox { get; } = new();

    /// <summary>
    /// Gets the user's configuration, layered (see <see cref="CliConfigurationLoader"/>); its secrets, and the
    /// <c>user:password</c> of its URLs, are masked in any output.
    /// </summary>
    public IConfiguration Configuration => _configuration ??= Load();

    /// <summary>Gets the selected provider's name as configured (<c>Cmfbl</c> when nothing sets it).</summary>
    public string SelectedProvider => Configuration[CliConfigurationLoader.ProviderKey]!;

    /// <summary>Gets the logging for registries: debug logs on standard error with <c>--verbose</c>, none otherwise.</summary>
    public Action<ILoggingBuilder>? Logging => Globals.Verbose
        ? builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(new TextWriterLoggerProvider(Io.Stderr, Output.Redactor))
        : null;

    /// <summary>Opens the selected provider's registry, on the embedded sandbox when it has no endpoint configured.</summary>
    /// <param name="cancellationToken">Cancels starting the sandbox.</param>
    /// <returns>The registry; dispose it when done.</returns>
    public Task<RegistryHost> OpenRegistryAsync(CancellationToken cancellationToken) =>
        OpenRegistryAsync(SelectedProvider, announce: true, cancellationToken);

    /// <summary>Opens one provider's registry, on the embedded sandbox when it has no endpoint configured.</summary>
    /// <param name="provider">The provider's name; an unknown name is left to the library to refuse (exit code 3).</param>
    /// <param name="announce">Whether to say on standard error that the embedded sandbox is used.</param>
    /// <param name="cancellationToken">Cancels starting the sandbox.</param>
    /// <returns>The registry; dispose it when done.</returns>
    public async Task<RegistryHost> OpenRegistryAsync(string provider, bool announce, CancellationToken cancellationToken)
    {
        var configuration = Configuration;
        if (!ProviderNames.TryNormalize(provider, out var canonical))
        {
            // Not a provider the CLI knows: the library's validation names the setting and the known providers.
            return RegistryHost.Create(configuration, Logging, sandboxUrl: null);
        }

        if (CliConfigurationLoader.HasEndpoint(configuration, canonical))
        {
            return RegistryHost.Create(RegistryConfiguration.Compose(configuration, canonical, sandbox: null), Logging, sandboxUrl: null);
        }

        var sandbox = await Sandbox.GetAsync(cancellationToken).ConfigureAwait(false);
        if (announce)
        {
            // The user's settings for this provider (credentials meant for a real endpoint) are not sent to the sandbox.
            var ignored = RegistryConfiguration.IgnoredSettings(configuration, canonical);
            var ignoredNote = ignored.Count == 0
                ? string.Empty
                : $" The configured {CliConfigurationLoader.SectionName}:{canonical} settings were ignored ({string.Join(", ", ignored)}): the sandbox uses its own.";
            Output.Notice(
                $"Using the embedded sandbox for {canonical} at {sandbox.BaseUrl} (no {CliConfigurationLoader.BaseUrlKey(canonical)} configured); its data lasts until this command ends.{ignoredNote}");
        }

        return RegistryHost.Create(RegistryConfiguration.Compose(configuration, canonical, sandbox), Logging, sandbox.BaseUrl);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Sandbox.DisposeAsync();

    private IConfiguration Load()
    {
        var configuration = CliConfigurationLoader.Load(Io.Environment, Io.CurrentDirectory, Globals.ConfigFile, Globals.Provider);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            var name = key[(key.LastIndexOf(':') + 1)..];
            if (SecretSettingNames.Any(secret => name.EndsWith(secret, StringComparison.OrdinalIgnoreCase)))
            {
                Output.Redactor.Add(value);
            }

            if (value is not null && (UrlSettingSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                || value.Contains("://", StringComparison.Ordinal)))
            {
                // "https://user:pass@host": masked even where the value is not a valid URL and so escapes the URL pattern.
                Output.Redactor.AddPassword(SecretRedactor.UserInfo(value));
            }
        }

        return configuration;
    }
}
