using BrokerAdapters.Sandbox;
using Microsoft.Extensions.Configuration;

namespace BrokerAdapters.Cli.Configuration;

/// <summary>Composes the configuration one registry is built from: the user's settings, or the sandbox's for an embedded provider.</summary>
internal static class RegistryConfiguration
{
    /// <summary>
    /// The settings for <paramref name="provider"/>: the user's <paramref name="configuration"/> with <c>Provider</c> set to
    /// <paramref name="provider"/>. When <paramref name="sandbox"/> is given, the provider's whole section
    /// (<c>UserRegistry:{provider}:*</c>) is the sandbox's: none of the user's settings for it are used, so that
    /// credentials meant for a real endpoint are never sent to the sandbox (see <see cref="IgnoredSettings"/>).
    /// </summary>
    /// <param name="configuration">The user's layered configuration.</param>
    /// <param name="provider">The provider's canonical name.</param>
    /// <param name="sandbox">The embedded sandbox, or <see langword="null"/> when the provider's endpoint is configured.</param>
    /// <returns>The composed configuration.</returns>
    public static IConfiguration Compose(IConfiguration configuration, string provider, SandboxServer? sandbox)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var overrides = new Dictionary<string, string?> { [CliConfigurationLoader.ProviderKey] = provider };
        if (sandbox is null)
        {
            return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(overrides).Build();
        }

        var userSettings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (!IsInSection(key, provider))
            {
                userSettings[key] = value;
            }
        }

        return new ConfigurationBuilder()
            .AddInMemoryCollection(userSettings)
            .AddInMemoryCollection(SandboxSettings(sandbox, provider))
            .AddInMemoryCollection(overrides)
            .Build();
    }

    /// <summary>
    /// The user's settings for <paramref name="provider"/> that <see cref="Compose"/> leaves out when the provider is
    /// embedded: the names below <c>UserRegistry:{provider}:</c> that have a value, e.g. <c>AppId</c>, <c>AppSecret</c>.
    /// </summary>
    /// <param name="configuration">The user's layered configuration.</param>
    /// <param name="provider">The provider's canonical name.</param>
    /// <param name="section">The registry's section; <c>UserRegistry</c> by default.</param>
    /// <returns>The settings' names, sorted; never their values.</returns>
    public static IReadOnlyList<string> IgnoredSettings(IConfiguration configuration, string provider, string section = CliConfigurationLoader.SectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var prefix = $"{section}:{provider}:";
        return [.. configuration.AsEnumerable()
            .Where(setting => setting.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(setting.Value))
            .Select(setting => setting.Key[prefix.Length..].Split(':')[0])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The settings that point one provider at the sandbox, and nothing of the other provider.</summary>
    /// <param name="sandbox">The sandbox.</param>
    /// <param name="provider">The provider's canonical name.</param>
    /// <returns>Configuration keys under <c>UserRegistry:{provider}:</c>.</returns>
    public static Dictionary<string, string?> SandboxSettings(SandboxServer sandbox, string provider)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var prefix = SectionPrefix(provider);
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

    private static string SectionPrefix(string provider) => $"{CliConfigurationLoader.SectionName}:{provider}:";

    private static bool IsInSection(string key, string provider) =>
        key.StartsWith(SectionPrefix(provider), StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, SectionPrefix(provider)[..^1], StringComparison.OrdinalIgnoreCase);
}
