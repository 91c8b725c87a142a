using BrokerAdapters;
using BrokerAdapters.Samples.ExampleCrm;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Example CRM provider to a user registry.</summary>
public static class ExampleCrmUserRegistryBuilderExtensions
{
    /// <summary>The name the <c>Provider</c> setting uses to select Example CRM.</summary>
    public const string ProviderName = ExampleCrmUserRegistry.ProviderName;

    /// <summary>The name of the <see cref="HttpClient"/> the default registry uses; a keyed registry appends <c>.</c> and its key.</summary>
    public const string HttpClientName = "BrokerAdapters.Samples.ExampleCrm";

    /// <summary>The largest answer read; a page of 100 customers is far below it.</summary>
    private const int MaxAnswerBytes = 4 * 1024 * 1024;

    #region add-provider
    /// <summary>
    /// Adds the Example CRM provider, selected by the registry's <c>Provider</c> setting <c>ExampleCrm</c> and configured
    /// by its <c>ExampleCrm</c> sub-section (see <see cref="ExampleCrmOptions"/>). The settings are validated at
    /// start-up when Example CRM is the selected provider.
    /// </summary>
    /// <param name="builder">The registry's builder, from <c>AddUserRegistry</c> or <c>AddKeyedUserRegistry</c>.</param>
    /// <param name="configureHttpClient">Configures the provider's named <see cref="HttpClient"/>, e.g. to add a handler.</param>
    /// <returns>The builder, to add more providers with.</returns>
    public static UserRegistryBuilder AddExampleCrm(this UserRegistryBuilder builder, Action<IHttpClientBuilder>? configureHttpClient = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Settings and HttpClient per registry: a keyed registry beside the default one has its own of each.
        var registryName = builder.Name;
        var httpClientName = builder.ServiceKey is null ? HttpClientName : HttpClientName + "." + registryName;

        builder.Services.AddOptions<ExampleCrmOptions>(registryName).Bind(builder.Configuration.GetSection(ExampleCrmOptions.SectionName));
        builder.Services.AddSingleton<IValidateOptions<ExampleCrmOptions>>(new ExampleCrmOptionsValidator(registryName, builder.SettingPath));

        var httpClient = builder.Services.AddHttpClient(httpClientName).ConfigureHttpClient((services, client) =>
        {
            client.Timeout = services.GetRequiredService<IOptionsMonitor<ExampleCrmOptions>>().Get(registryName).Timeout;
            client.MaxResponseContentBufferSize = MaxAnswerBytes;
        });
        configureHttpClient?.Invoke(httpClient);

        // The factory's Trace logs of request headers never show the API key, whatever the application redacts.
        builder.Services.PostConfigure<HttpClientFactoryOptions>(httpClientName, options =>
        {
            var chosen = options.ShouldRedactHeaderValue;
            options.ShouldRedactHeaderValue = header =>
                string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase) || chosen is null || chosen(header);
        });

        return builder.AddProvider(
            ExampleCrmUserRegistry.ProviderName,
            (services, name) => new ExampleCrmUserRegistry(
                services.GetRequiredService<IHttpClientFactory>(),
                httpClientName,
                services.GetRequiredService<IOptionsMonitor<ExampleCrmOptions>>().Get(name),
                services.GetService<TimeProvider>() ?? TimeProvider.System),
            // Runs at start-up when Example CRM is the selected provider; reading the named options runs the validator.
            (services, name) => _ = services.GetRequiredService<IOptionsMonitor<ExampleCrmOptions>>().Get(name));
    }
    #endregion
}
