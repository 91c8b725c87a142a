using BrokerAdapters.Cmfbl;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.DocsSamples.Providers;

/// <summary>docs/providers/cmfbl.md, "CMFBL-only operations".</summary>
public static class CmfblOnlyOperations
{
    public static async Task<string?> ReadAsync(IServiceProvider services, Customer customer, CancellationToken cancellationToken)
    {
        #region cmfbl-only-operations
        var cmfbl = services.GetRequiredService<ICmfblUserRegistry>();   // only when "Provider" is "Cmfbl"

        foreach (var group in await cmfbl.GetCustomerGroupsAsync(cancellationToken))
        {
            Console.WriteLine($"group {group.Id}: {group.Name}, trade type {group.TradeType}, assets {group.Assets}");
        }

        // One detail section as CMFBL sends it (JSON), for what the unified model does not carry.
        var accounts = await cmfbl.GetCustomerDetailJsonAsync(customer.Id, customer.Number!, CmfblDetailSection.TradeAccount, cancellationToken);
        #endregion
        return accounts;
    }
}
