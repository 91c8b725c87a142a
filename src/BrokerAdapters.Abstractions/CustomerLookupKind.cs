namespace BrokerAdapters;

/// <summary>The key a <see cref="CustomerLookup"/> searches by.</summary>
public enum CustomerLookupKind
{
    /// <summary>The provider's own key (<see cref="Customer.Id"/>).</summary>
    Id,

    /// <summary>The provider's customer number (<see cref="Customer.Number"/>).</summary>
    Number,

    /// <summary>The email address.</summary>
    Email,

    /// <summary>The phone number.</summary>
    Phone,
}
