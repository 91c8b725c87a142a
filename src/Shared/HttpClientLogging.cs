using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace BrokerAdapters.Internal;

/// <summary>Keeps a provider's secret header out of the HttpClient factory's Trace logs of request headers.</summary>
internal static class HttpClientLogging
{
    /// <summary>
    /// Redacts <paramref name="header"/> in the logs of the named client, whatever else the application chose to redact:
    /// an application that redacts only its own headers (<c>RedactLoggedHeaders(["Authorization"])</c>, directly or
    /// through <c>ConfigureHttpClientDefaults</c>) would otherwise log the token in clear at Trace level.
    /// </summary>
    public static void AlwaysRedact(IServiceCollection services, string httpClientName, string header) =>
        // Post-configured, so that it composes with the application's own choice instead of being replaced by it.
        services.PostConfigure<HttpClientFactoryOptions>(httpClientName, options =>
        {
            var chosen = options.ShouldRedactHeaderValue;
            options.ShouldRedactHeaderValue = name =>
                string.Equals(name, header, StringComparison.OrdinalIgnoreCase) || chosen is null || chosen(name);
        });
}
