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
        var services = new ServiceCollection();
        services.AddLogging(builder =>
        {
            builder.ClearProviders();
            builder.SetMinimumLevel(LogLevel.None);
            logging?.Invoke(builder);
        });
        services.AddUserRegistry(configuration.GetSection(CliConfigurationLoader.SectionName)).AddCmfbl().AddMcCrm();

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            return new RegistryHost(provider, provider.GetRequiredService<IUserRegistry>(), sandboxUrl);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
