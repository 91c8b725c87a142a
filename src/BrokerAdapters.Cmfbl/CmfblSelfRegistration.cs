namespace BrokerAdapters.Cmfbl;

/// <summary>The result of a self-registration: the new customer and the KYC levels CMFBL asks it to complete.</summary>
public sealed record CmfblSelfRegistration
{
    /// <summary>Creates the result.</summary>
    /// <param name="customer">The new customer.</param>
    public CmfblSelfRegistration(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        Customer = customer;
    }

    /// <summary>Gets the new customer, as the register answer describes it.</summary>
    public Customer Customer { get; init; }

    /// <summary>Gets the KYC levels of the register answer (<c>data.list</c>), each with its elements.</summary>
    public IReadOnlyList<CmfblKycLevel> KycLevels { get; init; } = [];
}
