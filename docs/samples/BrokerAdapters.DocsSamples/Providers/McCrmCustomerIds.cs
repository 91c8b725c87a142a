namespace BrokerAdapters.DocsSamples.Providers;

/// <summary>Where an application keeps the MC-CRM id of its users; an application's own service.</summary>
public interface IUserAccounts
{
    Task SaveMcCrmIdAsync(string userId, string mcCrmId, CancellationToken cancellationToken);

    Task<string?> GetMcCrmIdAsync(string userId, CancellationToken cancellationToken);
}

/// <summary>docs/providers/mccrm.md, "Finding customers".</summary>
public static class McCrmCustomerIds
{
    public static async Task<Customer?> RegisterAndFindAsync(IUserRegistry registry, IUserAccounts accounts, string userId, NewCustomer customer, CancellationToken cancellationToken)
    {
        #region mccrm-keep-the-id
        var registration = await registry.RegisterAsync(customer with { ExternalId = userId }, cancellationToken);
        await accounts.SaveMcCrmIdAsync(userId, registration.Customer.Id, cancellationToken);   // the uid: MC-CRM finds by it only

        // later
        var id = await accounts.GetMcCrmIdAsync(userId, cancellationToken);
        var customerNow = id is null ? null : await registry.FindAsync(CustomerLookup.ById(id), cancellationToken);
        #endregion
        return customerNow;
    }
}
