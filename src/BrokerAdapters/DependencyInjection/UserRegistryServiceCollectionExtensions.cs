using BrokerAdapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IUserRegistry"/> with the provider chosen by configuration.</summary>
public static class UserRegistryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default <see cref="IUserRegistry"/>, configured by <paramref name="configuration"/>
    /// (its <c>Provider</c> setting and one sub-section per provider). Add providers on the returned builder.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The registry's section, e.g. <c>configuration.GetSection("UserRegistry")</c>.</param>
    /// <returns>The builder, to add providers with.</returns>
    /// <example>
    /// <code>services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl().AddMcCrm();</code>
    /// </example>
    public static UserRegistryBuilder AddUserRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = Register(services, serviceKey: null, configuration);
        services.AddSingleton<IUserRegistry>(sp => UserRegistryFactory.Create(sp, builder.Name));
        return builder;
    }

    /// <summary>
    /// Registers a keyed <see cref="IUserRegistry"/>, configured by <paramref name="configuration"/>, beside any other
    /// registry. Resolve it with <c>[FromKeyedServices(key)]</c> or <c>GetRequiredKeyedService&lt;IUserRegistry&gt;(key)</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The key, e.g. <c>"source"</c>.</param>
    /// <param name="configuration">The registry's section, e.g. <c>configuration.GetSection("Migration:Source")</c>.</param>
    /// <returns>The builder, to add providers with.</returns>
    public static UserRegistryBuilder AddKeyedUserRegistry(this IServiceCollection services, string serviceKey, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceKey);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = Register(services, serviceKey, configuration);
        services.AddKeyedSingleton<IUserRegistry>(serviceKey, (sp, _) => UserRegistryFactory.Create(sp, builder.Name));
        return builder;
    }

    private static UserRegistryBuilder Register(IServiceCollection services, string? serviceKey, IConfiguration configuration)
    {
        var builder = new UserRegistryBuilder(services, serviceKey, configuration);
        var sectionPath = configuration is IConfigurationSection section ? section.Path : string.Empty;
        var name = builder.Name;

        services.AddOptions();
        services.Configure<UserRegistryProviderCatalog>(name, catalog => catalog.SectionPath = sectionPath);
        services.AddOptions<UserRegistryOptions>(name).Bind(configuration).ValidateOnStart();
        // One validator per registry; each skips the other registries' names.
        services.AddSingleton<IValidateOptions<UserRegistryOptions>>(sp =>
            new UserRegistryOptionsValidator(name, sp, sp.GetRequiredService<IOptionsMonitor<UserRegistryProviderCatalog>>()));
        return builder;
    }
}
