using BrokerAdapters;
using BrokerAdapters.Internal;
using BrokerAdapters.McCrm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the MC-CRM provider to a user registry.</summary>
public static class McCrmUserRegistryBuilderExtensions
{
    /// <summary>The name the <c>Provider</c> setting uses to select MC-CRM.</summary>
    public const string ProviderName = McCrmUserRegistry.ProviderName;

    /// <summary>The name of the <see cref="HttpClient"/> the default registry uses; a keyed registry appends <c>.</c> and its key.</summary>
    public const string HttpClientName = "BrokerAdapters.McCrm";

    /// <summary>
    /// Adds the MC-CRM provider, selected by the registry's <c>Provider</c> setting <c>McCrm</c> and configured by its
    /// <c>McCrm</c> sub-section (see <see cref="McCrmOptions"/>). The settings are validated at start-up when MC-CRM is
    /// the selected provider.
    /// </summary>
    /// <param name="builder">The registry's builder, from <c>AddUserRegistry</c> or <c>AddKeyedUserRegistry</c>.</param>
    /// <param name="configureHttpClient">
    /// Configures the provider's named <see cref="HttpClient"/>, e.g. to add a handler. Retries, timeouts, a circuit
    /// breaker and rate limiting are already there, set by the <c>McCrm:Resilience</c> settings
    /// (<see cref="ProviderResilienceOptions"/>).
    /// </param>
    /// <returns>The builder, to add more providers with.</returns>
    /// <example>
    /// <code>services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddMcCrm();</code>
    /// </example>
    public static UserRegistryBuilder AddMcCrm(this UserRegistryBuilder builder, Action<IHttpClientBuilder>? configureHttpClient = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var registryName = builder.Name;
        var httpClientName = builder.ServiceKey is null ? HttpClientName : HttpClientName + "." + registryName;

        builder.Services.AddOptions<McCrmOptions>(registryName).Bind(builder.Configuration.GetSection(McCrmOptions.SectionName));
        builder.Services.AddSingleton<IValidateOptions<McCrmOptions>>(new McCrmOptionsValidator(registryName, builder.SettingPath));

        var httpClientBuilder = builder.Services.AddHttpClient(httpClientName);
        ProviderResilience.AddTo(httpClientBuilder, sp => sp.GetRequiredService<IOptionsMonitor<McCrmOptions>>().Get(registryName).Resilience);
        configureHttpClient?.Invoke(httpClientBuilder);
        HttpClientLogging.AlwaysRedact(builder.Services, httpClientName, McCrmUserRegistry.TokenHeader);

        return builder.AddProvider(
            McCrmUserRegistry.ProviderName,
            (services, name) => Create(services, name, httpClientName),
            // Reading the named options runs the validator above; a failure is an OptionsValidationException.
            (services, name) => _ = services.GetRequiredService<IOptionsMonitor<McCrmOptions>>().Get(name));
    }

    private static TelemetryUserRegistry Create(IServiceProvider services, string registryName, string httpClientName)
    {
        var options = services.GetRequiredService<IOptionsMonitor<McCrmOptions>>().Get(registryName);
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var registry = new McCrmUserRegistry(
            services.GetRequiredService<IHttpClientFactory>(),
            httpClientName,
            options,
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            loggerFactory.CreateLogger<McCrmUserRegistry>());
        return new TelemetryUserRegistry(registry, ProviderTelemetry.For(services));
    }
}
