using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BrokerAdapters;

/// <summary>Creates the registry named by a registry's <c>Provider</c> setting.</summary>
internal static class UserRegistryFactory
{
    public static IUserRegistry Create(IServiceProvider services, string registryName)
    {
        // Reading the options runs the validator, so a bad setting fails here with its name even without ValidateOnStart.
        var options = services.GetRequiredService<IOptionsMonitor<UserRegistryOptions>>().Get(registryName);
        var catalog = services.GetRequiredService<IOptionsMonitor<UserRegistryProviderCatalog>>().Get(registryName);
        if (!catalog.TryGet(options.Provider, out var provider))
        {
            throw new InvalidOperationException($"{catalog.SettingName(nameof(UserRegistryOptions.Provider))} '{options.Provider}' is not a known provider.");
        }

        return provider.Factory(services, registryName);
    }
}
