using Microsoft.Extensions.Configuration;

namespace BrokerAdapters.Cli.Configuration;

/// <summary>
/// Layers the CLI's configuration, later sources winning: <c>appsettings.json</c> in the current directory (optional),
/// <c>BROKERADAPTERS__</c> environment variables, the <c>--config</c> file, then <c>--provider</c>.
/// </summary>
internal static class CliConfigurationLoader
{
    /// <summary>The registry's section, as in the library's documentation.</summary>
    public const string SectionName = "UserRegistry";

    /// <summary>The file read from the current directory when present.</summary>
    public const string AppSettingsFileName = "appsettings.json";

    /// <summary>The key of the provider setting.</summary>
    public const string ProviderKey = SectionName + ":Provider";

    /// <summary>Builds the configuration.</summary>
    /// <param name="environment">The environment variables.</param>
    /// <param name="currentDirectory">Where <c>appsettings.json</c> is looked for.</param>
    /// <param name="configFile">The <c>--config</c> file, or <see langword="null"/>.</param>
    /// <param name="providerOverride">The <c>--provider</c> value, or <see langword="null"/>.</param>
    /// <returns>The configuration; <see cref="ProviderKey"/> is always set (<see cref="ProviderNames.Default"/> when nothing sets it).</returns>
    /// <exception cref="CliConfigurationException">The <c>--config</c> file does not exist, or a JSON file is malformed.</exception>
    public static IConfiguration Load(CliEnvironment environment, string currentDirectory, FileInfo? configFile, string? providerOverride)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var builder = new ConfigurationBuilder();
        var appSettings = Path.Combine(currentDirectory, AppSettingsFileName);
        if (File.Exists(appSettings))
        {
            builder.AddJsonFile(appSettings, optional: true, reloadOnChange: false);
        }

        if (environment.IsProcessEnvironment)
        {
            builder.AddEnvironmentVariables(CliEnvironment.ConfigurationPrefix);
        }
        else
        {
            builder.AddInMemoryCollection(environment.ConfigurationEntries());
        }

        if (configFile is not null)
        {
            if (!File.Exists(configFile.FullName))
            {
                throw new CliConfigurationException($"The configuration file '{configFile.FullName}' does not exist.");
            }

            builder.AddJsonFile(configFile.FullName, optional: false, reloadOnChange: false);
        }

        IConfigurationRoot layered;
        try
        {
            layered = builder.Build();
        }
        catch (InvalidDataException ex)
        {
            // The JSON provider says which file; its inner exception says where in it.
            var detail = ex.InnerException?.Message is { Length: > 0 } inner ? " " + inner : string.Empty;
            throw new CliConfigurationException(ex.Message + detail, ex);
        }

        var provider = !string.IsNullOrWhiteSpace(providerOverride) ? providerOverride
            : !string.IsNullOrWhiteSpace(layered[ProviderKey]) ? layered[ProviderKey]!
            : ProviderNames.Default;
        return new ConfigurationBuilder()
            .AddConfiguration(layered)
            .AddInMemoryCollection([new(ProviderKey, provider.Trim())])
            .Build();
    }

    /// <summary>Gets the key of a provider's endpoint setting, e.g. <c>UserRegistry:Cmfbl:BaseUrl</c>.</summary>
    /// <param name="provider">The provider's canonical name.</param>
    /// <returns>The key.</returns>
    public static string BaseUrlKey(string provider) => $"{SectionName}:{provider}:BaseUrl";

    /// <summary>Tells whether a provider has an endpoint configured; without one the CLI uses the embedded sandbox.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="provider">The provider's canonical name.</param>
    /// <returns><see langword="true"/> when <c>UserRegistry:{provider}:BaseUrl</c> is set.</returns>
    public static bool HasEndpoint(IConfiguration configuration, string provider)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[BaseUrlKey(provider)]);
    }
}
