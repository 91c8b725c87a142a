namespace BrokerAdapters.Migration;

/// <summary>Who a diff entry is about: a customer's identity and match keys as the provider sent them (never secrets).</summary>
/// <param name="Provider">The provider's name, e.g. <c>Cmfbl</c>.</param>
/// <param name="Id">The provider's key of the customer.</param>
/// <param name="Number">The provider's customer number.</param>
/// <param name="ExternalId">The caller's own identifier.</param>
/// <param name="Email">The email address.</param>
/// <param name="Phone">The phone number as country code and number, e.g. <c>+85298763237</c>.</param>
public sealed record CustomerReference(string Provider, string Id, string? Number, string? ExternalId, string? Email, string? Phone)
{
    /// <summary>The reference of <paramref name="customer"/>.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The reference.</returns>
    public static CustomerReference From(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new(customer.Provider, customer.Id, customer.Number, customer.ExternalId, customer.Email, customer.Phone?.E164);
    }
}
