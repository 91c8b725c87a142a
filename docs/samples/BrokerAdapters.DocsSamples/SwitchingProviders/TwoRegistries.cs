using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.DocsSamples.SwitchingProviders;

/// <summary>docs/switching-providers.md, "By configuration" and "Two providers at once".</summary>
public static class TwoRegistries
{
    public static IServiceCollection AddOne(IServiceCollection services, IConfiguration configuration)
    {
        #region switching-configure
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddCmfbl().AddMcCrm();
        #endregion
        return services;
    }

    public static IServiceCollection Add(IServiceCollection services, IConfiguration configuration)
    {
        #region switching-keyed-registries
        services.AddKeyedUserRegistry("brokerage", configuration.GetSection("Registries:Brokerage")).AddCmfbl().AddMcCrm();
        services.AddKeyedUserRegistry("crm", configuration.GetSection("Registries:Crm")).AddCmfbl().AddMcCrm();
        services.AddSingleton<CustomerMirror>();
        #endregion
        return services;
    }
}

#region switching-keyed-consumer
public sealed class CustomerMirror(
    [FromKeyedServices("brokerage")] IUserRegistry brokerage,
    [FromKeyedServices("crm")] IUserRegistry crm)
{
    public async Task<(Customer Brokerage, Customer Crm)> RegisterInBothAsync(NewCustomer customer, CancellationToken cancellationToken)
    {
        var inBrokerage = await brokerage.RegisterAsync(customer, cancellationToken);
        var inCrm = await crm.RegisterAsync(customer with { ExternalId = inBrokerage.Customer.Number }, cancellationToken);
        return (inBrokerage.Customer, inCrm.Customer);
    }
}
#endregion
