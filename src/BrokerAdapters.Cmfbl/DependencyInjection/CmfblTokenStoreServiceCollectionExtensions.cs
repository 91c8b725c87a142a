using BrokerAdapters.Cmfbl;
using Microsoft.Extensions.Caching.Distributed;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses where CMFBL registries keep their admin token.</summary>
public static class CmfblTokenStoreServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the CMFBL admin token in the application's <see cref="IDistributedCache"/>, so that every application
    /// instance (and every registry) configured for the same company and app uses one token: the first call takes
    /// the token already stored, and a token CMFBL reports expired is renewed only when the store still holds that
    /// token. Register the cache too, e.g. <c>services.AddStackExchangeRedisCache(…)</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    /// <example>
    /// <code>
    /// services.AddStackExchangeRedisCache(redis => redis.Configuration = configuration.GetConnectionString("Redis"));
    /// services.AddCmfblDistributedTokenStore();
    /// services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl();
    /// </code>
    /// </example>
    public static IServiceCollection AddCmfblDistributedTokenStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<ICmfblTokenStore>(sp => new CmfblDistributedTokenStore(
            sp.GetService<IDistributedCache>()
                ?? throw new InvalidOperationException(
                    "AddCmfblDistributedTokenStore() needs an IDistributedCache service: register one, e.g. services.AddStackExchangeRedisCache(…) for Redis or services.AddDistributedMemoryCache() for a single process."),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }
}
