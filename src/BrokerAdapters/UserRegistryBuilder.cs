using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BrokerAdapters;

/// <summary>
/// Configures one registry: the providers it may use. Returned by <c>AddUserRegistry</c> and
/// <c>AddKeyedUserRegistry</c>; provider packages extend it (<c>AddCmfbl()</c>, <c>AddMcCrm()</c>).
/// </summary>
public sealed class UserRegistryBuilder
{
    internal UserRegistryBuilder(IServiceCollection services, object? serviceKey, IConfiguration configuration)
    {
        Services = services;
        ServiceKey = serviceKey;
        Configuration = configuration;
        Name = serviceKey is null ? Options.DefaultName : Convert.ToString(serviceKey, System.Globalization.CultureInfo.InvariantCulture) ?? Options.DefaultName;
    }

    /// <summary>Gets the service collection the registry is added to.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Gets the service key of a keyed registry, or <see langword="null"/> for the default one.</summary>
    public object? ServiceKey { get; }

    /// <summary>
    /// Gets the registry's name: the options name its settings are bound under (<see cref="Options.DefaultName"/>
    /// for the default registry, the key's text for a keyed one).
    /// </summary>
    public string Name { get; }

    /// <summary>Gets the registry's configuration section; each provider reads its own sub-section (e.g. <c>Cmfbl</c>).</summary>
    public IConfiguration Configuration { get; }

    /// <summary>
    /// Adds a provider that the registry's <c>Provider</c> setting can select. Provider packages call this from
    /// their <c>Add…</c> extension; applications normally do not.
    /// </summary>
    /// <param name="providerName">The name the <c>Provider</c> setting uses (case-insensitive).</param>
    /// <param name="factory">Creates the provider's registry, given the services and the registry's <see cref="Name"/>.</param>
    /// <param name="validate">
    /// Validates the provider's settings for the registry's <see cref="Name"/>, throwing
    /// <see cref="OptionsValidationException"/>; runs at start-up only when this provider is selected.
    /// </param>
    /// <returns>This builder.</returns>
    public UserRegistryBuilder AddProvider(
        string providerName,
        Func<IServiceProvider, string, IUserRegistry> factory,
        Action<IServiceProvider, string>? validate = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(factory);
        var provider = new UserRegistryProvider(providerName.Trim(), factory, validate);
        Services.Configure<UserRegistryProviderCatalog>(Name, catalog => catalog.Add(provider));
        return this;
    }

    /// <summary>Gets the configuration path of a setting of this registry, e.g. <c>UserRegistry:Cmfbl:BaseUrl</c>.</summary>
    /// <param name="relativePath">The setting's path below the registry's section.</param>
    /// <returns>The full path, for messages.</returns>
    public string SettingPath(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return Configuration is IConfigurationSection section && section.Path.Length > 0
            ? section.Path + ":" + relativePath
            : relativePath;
    }
}
