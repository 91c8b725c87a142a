using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.DocsSamples.Reliability;

/// <summary>docs/reliability.md, "Where the token is kept".</summary>
public static class SharedTokenStore
{
    public static void Configure(IServiceCollection services, IConfiguration configuration)
    {
        #region reliability-redis-token-store
        services.AddStackExchangeRedisCache(redis =>
        {
            redis.Configuration = configuration.GetConnectionString("Redis");
            redis.InstanceName = "orders-api:";
        });
        services.AddCmfblDistributedTokenStore();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl();
        #endregion
    }
}
