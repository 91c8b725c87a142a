namespace BrokerAdapters.Cmfbl;

/// <summary>
/// The CMFBL registry with the operations only CMFBL has. Resolve it from DI next to <see cref="IUserRegistry"/>
/// when the registry's provider is <c>Cmfbl</c>.
/// </summary>
public interface ICmfblUserRegistry : IUserRegistry
{
    /// <summary>Lists the company's customer groups.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The groups.</returns>
    /// <exception cref="UserRegistryException">The provider failed.</exception>
    Task<IReadOnlyList<CmfblCustomerGroup>> GetCustomerGroupsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one section of a customer's detail as the raw JSON CMFBL sends (<c>data</c> of the answer).</summary>
    /// <param name="id">The customer id (<see cref="Customer.Id"/>).</param>
    /// <param name="number">The customer number (<see cref="Customer.Number"/>).</param>
    /// <param name="section">The section.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The section's JSON, or <see langword="null"/> when CMFBL returns none.</returns>
    /// <exception cref="UserRegistryException">The provider failed.</exception>
    Task<string?> GetCustomerDetailJsonAsync(string id, string number, CmfblDetailSection section, CancellationToken cancellationToken = default);
}
