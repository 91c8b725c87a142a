namespace BrokerAdapters.Cmfbl;

/// <summary>A CMFBL customer group; new customers join one (<see cref="NewCustomer.GroupId"/>).</summary>
public sealed record CmfblCustomerGroup
{
    /// <summary>Gets the group id, as <see cref="NewCustomer.GroupId"/> takes it.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the group's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the account opening type: 0 individual, 1 business.</summary>
    public int? OpenAccountType { get; init; }

    /// <summary>Gets the group type code.</summary>
    public int? Type { get; init; }

    /// <summary>Gets the trade type code.</summary>
    public string? TradeType { get; init; }

    /// <summary>Gets the group's assets (currencies), as CMFBL sends them.</summary>
    public string? Assets { get; init; }
}
