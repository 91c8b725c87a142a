using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.DocsSamples.Providers;

/// <summary>An application's own handler around a provider's calls: here it only counts them.</summary>
public sealed class AuditHandler : DelegatingHandler
{
    private int _calls;

    public int Calls => _calls;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>docs/providers/cmfbl.md and docs/providers/mccrm.md, the top of each page.</summary>
public static class ProviderConfiguration
{
    public static IServiceCollection AddCmfbl(IServiceCollection services, IConfiguration configuration)
    {
        #region cmfbl-configure
        services.AddTransient<AuditHandler>();   // a DelegatingHandler of the application's own
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl(http => http.AddHttpMessageHandler<AuditHandler>());
        #endregion
        return services;
    }

    public static IServiceCollection AddMcCrm(IServiceCollection services, IConfiguration configuration)
    {
        #region mccrm-configure
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddMcCrm();
        #endregion
        return services;
    }
}
