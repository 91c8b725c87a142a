namespace BrokerAdapters;

/// <summary>Identifies one customer by id, number, email or phone.</summary>
public sealed class CustomerLookup : IEquatable<CustomerLookup>
{
    private CustomerLookup(CustomerLookupKind kind, string value, PhoneNumber? phone)
    {
        Kind = kind;
        Value = value;
        Phone = phone;
    }

    /// <summary>Gets what the lookup searches by.</summary>
    public CustomerLookupKind Kind { get; }

    /// <summary>Gets the searched value: the id, number or email as given, or the phone's E.164 form.</summary>
    public string Value { get; }

    /// <summary>Gets the phone number when <see cref="Kind"/> is <see cref="CustomerLookupKind.Phone"/>.</summary>
    public PhoneNumber? Phone { get; }

    /// <summary>Looks a customer up by the provider's own key (<see cref="Customer.Id"/>).</summary>
    /// <param name="id">The provider key.</param>
    /// <returns>The lookup.</returns>
    public static CustomerLookup ById(string id) => new(CustomerLookupKind.Id, Require(id, nameof(id)), null);

    /// <summary>Looks a customer up by the provider's customer number (<see cref="Customer.Number"/>).</summary>
    /// <param name="number">The customer number.</param>
    /// <returns>The lookup.</returns>
    public static CustomerLookup ByNumber(string number) => new(CustomerLookupKind.Number, Require(number, nameof(number)), null);

    /// <summary>Looks a customer up by email address.</summary>
    /// <param name="email">The email address; surrounding white space is removed.</param>
    /// <returns>The lookup.</returns>
    public static CustomerLookup ByEmail(string email) => new(CustomerLookupKind.Email, Require(email, nameof(email)), null);

    /// <summary>Looks a customer up by phone number.</summary>
    /// <param name="phone">The phone number.</param>
    /// <returns>The lookup.</returns>
    public static CustomerLookup ByPhone(PhoneNumber phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return new(CustomerLookupKind.Phone, phone.E164, phone);
    }

    /// <inheritdoc />
    public bool Equals(CustomerLookup? other) =>
        other is not null && Kind == other.Kind && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CustomerLookup);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(Value));

    /// <inheritdoc />
    public override string ToString() => $"{Kind}:{Value}";

    private static string Require(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        return value.Trim();
    }
}
