using BrokerAdapters.Sandbox;
using Microsoft.Extensions.Configuration;

namespace BrokerAdapters.Cli.Configuration;

/// <summary>Composes the configuration one registry is built from: the user's settings, over the sandbox's when embedded.</summary>
internal static class RegistryConfiguration
{
    /// <summary>
    /// The settings for <paramref name="provider"/>: the user's <paramref name="configuration"/> with <c>Provider</c> set to
    /// <paramref name="provider"/> and, when <paramref name="sandbox"/> is given, the sandbox's settings for that provider
    /// underneath (the user's settings win, except the endpoint, which is what was missing).
    /// </summary>
    /// <param name="configuration">The user's layered configuration.</param>
    /// <param name="provider">The provider's canonical name.</param>
    /// <param name="sandbox">The embedded sandbox, or <see langword="null"/> when the provider's endpoint is configured.</param>
    /// <returns>The composed configuration.</returns>
    public static IConfiguration Compose(IConfiguration configuration, string provider, SandboxServer? sandbox)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = new ConfigurationBuilder();
        if (sandbox is not null)
        {
            builder.AddInMemoryCollection(SandboxSettings(sandbox, provider));
        }

        builder.AddConfiguration(configuration);
        var overrides = new Dictionary<string, string?> { [CliConfigurationLoader.ProviderKey] = provider };
        if (sandbox is not null)
        {
            // An empty BaseUrl counts as "not configured": the sandbox's endpoint must not be hidden by it.
            var baseUrlKey = CliConfigurationLoader.BaseUrlKey(provider);
            overrides[baseUrlKey] = SandboxSettings(sandbox, provider)[baseUrlKey];
        }

        return builder.AddInMemoryCollection(overrides).Build();
    }

    /// <summary>The settings that point one provider at the sandbox, and nothing of the other provider.</summary>
    /// <param name="sandbox">The sandbox.</param>
    /// <param name="provider">The provider's canonical name.</param>
    /// <returns>Configuration keys under <c>UserRegistry:{provider}:</c>.</returns>
    public static Dictionary<string, string?> SandboxSettings(SandboxServer sandbox, string provider)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var prefix = $"{CliConfigurationLoader.SectionName}:{provider}:";
        return sandbox.ToConfiguration(provider, CliConfigurationLoader.SectionName)
            .Where(setting => setting.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(setting => setting.Key, setting => setting.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The settings of a registry that uses only the sandbox, ignoring the user's configuration (for <c>demo</c>).</summary>
    /// <param name="sandbox">The sandbox.</param>
    /// <param name="provider">The provider's canonical name.</param>
    /// <returns>The configuration.</returns>
    public static IConfiguration SandboxOnly(SandboxServer sandbox, string provider)
    {
        var settings = SandboxSettings(sandbox, provider);
        settings[CliConfigurationLoader.ProviderKey] = provider;
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
