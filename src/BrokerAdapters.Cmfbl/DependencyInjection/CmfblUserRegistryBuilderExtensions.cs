using BrokerAdapters;
using BrokerAdapters.Cmfbl;
using BrokerAdapters.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the CMFBL provider to a registry.</summary>
public static class CmfblUserRegistryBuilderExtensions
{
    /// <summary>The name the <c>Provider</c> setting uses to select CMFBL.</summary>
    public const string ProviderName = CmfblApiClient.ProviderName;

    /// <summary>The name of the <see cref="HttpClient"/> the default registry uses; a keyed registry appends <c>.</c> and its key.</summary>
    public const string HttpClientName = "BrokerAdapters.Cmfbl";

    /// <summary>
    /// Adds CMFBL as a provider the registry can select with <c>"Provider": "Cmfbl"</c>. Its settings are read from
    /// the registry section's <c>Cmfbl</c> sub-section (<see cref="CmfblOptions"/>). <see cref="ICmfblUserRegistry"/>
    /// becomes resolvable (keyed like the registry) for CMFBL-only operations. The admin token is kept in the
    /// <see cref="ICmfblTokenStore"/> service when one is registered (for a keyed registry, one keyed like it comes
    /// first), else in memory for this registry alone. With <see cref="CmfblOptions.RegistrationMode"/> set to
    /// <see cref="CmfblRegistrationMode.SelfService"/>, <see cref="IUserRegistry.RegisterAsync"/> obtains verification codes
    /// from the <see cref="ICmfblVerificationCodeSource"/> service (keyed like the registry first).
    /// </summary>
    /// <param name="builder">The registry builder.</param>
    /// <param name="configureHttpClient">Configures the provider's HttpClient (handlers, resilience, a test handler).</param>
    /// <returns>The builder.</returns>
    public static UserRegistryBuilder AddCmfbl(this UserRegistryBuilder builder, Action<IHttpClientBuilder>? configureHttpClient = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var name = builder.Name;
        var httpClientName = ClientNameFor(builder);

        services.AddOptions<CmfblOptions>(name).Bind(builder.Configuration.GetSection(CmfblOptions.SectionName));
        services.AddSingleton<IValidateOptions<CmfblOptions>>(new CmfblOptionsValidator(name, builder.SettingPath));
        var http = services.AddHttpClient(httpClientName);
        ProviderResilience.AddTo(http, sp => sp.GetRequiredService<IOptionsMonitor<CmfblOptions>>().Get(name).Resilience);
        configureHttpClient?.Invoke(http);
        HttpClientLogging.AlwaysRedact(services, httpClientName, CmfblApiClient.TokenHeader);

        builder.AddProvider(
            ProviderName,
            (sp, registryName) => Create(sp, registryName, httpClientName, builder.ServiceKey, builder.SettingPath),
            (sp, registryName) =>
            {
                _ = sp.GetRequiredService<IOptionsMonitor<CmfblOptions>>().Get(registryName);
                _ = TokenStoreFor(sp, builder.ServiceKey);
            });

        if (builder.ServiceKey is null)
        {
            services.AddSingleton<ICmfblUserRegistry>(sp => AsCmfbl(sp.GetRequiredService<IUserRegistry>(), builder));
        }
        else
        {
            services.AddKeyedSingleton<ICmfblUserRegistry>(builder.ServiceKey, (sp, key) => AsCmfbl(sp.GetRequiredKeyedService<IUserRegistry>(key), builder));
        }

        return builder;
    }

    private static string ClientNameFor(UserRegistryBuilder builder) =>
        builder.ServiceKey is null ? HttpClientName : HttpClientName + "." + builder.Name;

    private static CmfblTelemetryUserRegistry Create(
        IServiceProvider services, string registryName, string httpClientName, object? serviceKey, Func<string, string> settingPath)
    {
        var options = services.GetRequiredService<IOptionsMonitor<CmfblOptions>>().Get(registryName);
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("BrokerAdapters.Cmfbl") ?? NullLogger.Instance;
        var api = new CmfblApiClient(services.GetRequiredService<IHttpClientFactory>(), httpClientName, options, time, logger, TokenStoreFor(services, serviceKey));
        var telemetry = ProviderTelemetry.For(services);
        var codeSource = (serviceKey is null ? null : services.GetKeyedService<ICmfblVerificationCodeSource>(serviceKey))
            ?? services.GetService<ICmfblVerificationCodeSource>();
        var clientBaseUrlSetting = settingPath(CmfblOptions.SectionName + ":" + nameof(CmfblOptions.ClientBaseUrl));
        var registry = new CmfblUserRegistry(api, options, logger, codeSource, clientBaseUrlSetting) { Telemetry = telemetry };
        return new CmfblTelemetryUserRegistry(registry, telemetry);
    }

    private static ICmfblTokenStore? TokenStoreFor(IServiceProvider services, object? serviceKey) =>
        (serviceKey is null ? null : services.GetKeyedService<ICmfblTokenStore>(serviceKey)) ?? services.GetService<ICmfblTokenStore>();

    private static ICmfblUserRegistry AsCmfbl(IUserRegistry registry, UserRegistryBuilder builder) =>
        registry as ICmfblUserRegistry
        ?? throw new InvalidOperationException(
            $"{builder.SettingPath("Provider")} selects '{registry.Descriptor.ProviderName}', so ICmfblUserRegistry is not available; it is only when the provider is '{ProviderName}'.");
}
