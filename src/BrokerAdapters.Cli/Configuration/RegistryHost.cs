using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BrokerAdapters.Cli.Configuration;

/// <summary>
/// One <see cref="IUserRegistry"/> built the way an application builds it:
/// <c>AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl().AddMcCrm()</c>.
/// </summary>
internal sealed class RegistryHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private RegistryHost(ServiceProvider services, IUserRegistry registry, Uri? sandboxUrl)
    {
        _services = services;
        Registry = registry;
        SandboxUrl = sandboxUrl;
    }

    /// <summary>Gets the registry.</summary>
    public IUserRegistry Registry { get; }

    /// <summary>Gets the provider's name.</summary>
    public string ProviderName => Registry.Descriptor.ProviderName;

    /// <summary>Gets the embedded sandbox's URL when the registry talks to it, else <see langword="null"/>.</summary>
    public Uri? SandboxUrl { get; }

    /// <summary>Gets whether the registry talks to the embedded sandbox.</summary>
    public bool IsEmbedded => SandboxUrl is not null;

    /// <summary>Builds the registry; the library validates the selected provider's settings here.</summary>
    /// <param name="configuration">The configuration holding the <c>UserRegistry</c> section.</param>
    /// <param name="logging">Adds logger providers (e.g. <c>--verbose</c>), or <see langword="null"/> for no logging.</param>
    /// <param name="sandboxUrl">The embedded sandbox's URL when the configuration points at it.</param>
    /// <returns>The host; dispose it to release the HTTP clients.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the failures name it.</exception>
    public static RegistryHost Create(IConfiguration configuration, Action<ILoggingBuilder>? logging, Uri? sandboxUrl)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var services = NewServices(logging);
        services.AddUserRegistry(configuration.GetSection(CliConfigurationLoader.SectionName)).AddCmfbl().AddMcCrm();
        return Build(services, sp => sp.GetRequiredService<IUserRegistry>(), sandboxUrl);
    }

    /// <summary>
    /// Builds a keyed registry from any section, as an application with several registries does:
    /// <c>AddKeyedUserRegistry(key, configuration.GetSection(sectionPath)).AddCmfbl().AddMcCrm()</c>. The library
    /// validates the section's settings here and names them with the section's path, e.g. <c>Migration:Source:Provider</c>.
    /// </summary>
    /// <param name="configuration">The configuration holding the section.</param>
    /// <param name="sectionPath">The registry's section, e.g. <c>Migration:Source</c>.</param>
    /// <param name="key">The registry's service key, e.g. <c>source</c>.</param>
    /// <param name="logging">Adds logger providers (e.g. <c>--verbose</c>), or <see langword="null"/> for no logging.</param>
    /// <param name="sandboxUrl">The embedded sandbox's URL when the section points at it.</param>
    /// <returns>The host; dispose it to release the HTTP clients.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the failures name it.</exception>
    public static RegistryHost CreateKeyed(IConfiguration configuration, string sectionPath, string key, Action<ILoggingBuilder>? logging, Uri? sandboxUrl)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var services = NewServices(logging);
        services.AddKeyedUserRegistry(key, configuration.GetSection(sectionPath)).AddCmfbl().AddMcCrm();
        return Build(services, sp => sp.GetRequiredKeyedService<IUserRegistry>(key), sandboxUrl);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static ServiceCollection NewServices(Action<ILoggingBuilder>? logging)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder =>
        {
            builder.ClearProviders();
            builder.SetMinimumLevel(LogLevel.None);
            logging?.Invoke(builder);
        });
        return services;
    }

    private static RegistryHost Build(ServiceCollection services, Func<IServiceProvider, IUserRegistry> resolve, Uri? sandboxUrl)
    {
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            return new RegistryHost(provider, resolve(provider), sandboxUrl);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
