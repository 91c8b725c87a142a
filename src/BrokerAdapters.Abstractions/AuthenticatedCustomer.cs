namespace BrokerAdapters;

/// <summary>The result of a successful sign-in. <see cref="ToString"/> never prints the tokens.</summary>
public sealed record AuthenticatedCustomer
{
    /// <summary>Creates the result.</summary>
    /// <param name="customer">The signed-in customer.</param>
    /// <param name="accessToken">The provider's session token.</param>
    public AuthenticatedCustomer(Customer customer, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        Customer = customer;
        AccessToken = accessToken;
    }

    /// <summary>Gets the signed-in customer.</summary>
    public Customer Customer { get; init; }

    /// <summary>Gets the provider's session token for this customer.</summary>
    public string AccessToken { get; init; }

    /// <summary>Gets the provider's refresh token, when it issues one.</summary>
    public string? RefreshToken { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"AuthenticatedCustomer {{ Customer = {Customer.Provider}:{Customer.Id}, AccessToken = ***, RefreshToken = {(RefreshToken is null ? "(none)" : "***")} }}";
}
