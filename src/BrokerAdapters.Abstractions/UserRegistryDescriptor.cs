namespace BrokerAdapters;

/// <summary>Describes a registry: which provider it talks to and what it can do.</summary>
public sealed class UserRegistryDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="providerName">The provider's name, e.g. <c>Cmfbl</c> or <c>McCrm</c>.</param>
    /// <param name="capabilities">The operations the provider serves.</param>
    /// <param name="existsLookups">The lookup kinds <see cref="IUserRegistry.ExistsAsync"/> accepts.</param>
    /// <param name="findLookups">The lookup kinds <see cref="IUserRegistry.FindAsync"/> accepts.</param>
    /// <param name="authenticateLookups">The login kinds <see cref="IUserRegistry.AuthenticateAsync"/> accepts.</param>
    public UserRegistryDescriptor(
        string providerName,
        UserRegistryCapabilities capabilities,
        CustomerLookupKinds existsLookups = CustomerLookupKinds.None,
        CustomerLookupKinds findLookups = CustomerLookupKinds.None,
        CustomerLookupKinds authenticateLookups = CustomerLookupKinds.None)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ProviderName = providerName;
        Capabilities = capabilities;
        ExistsLookups = capabilities.HasFlag(UserRegistryCapabilities.Exists) ? existsLookups : CustomerLookupKinds.None;
        FindLookups = capabilities.HasFlag(UserRegistryCapabilities.Find) ? findLookups : CustomerLookupKinds.None;
        AuthenticateLookups = capabilities.HasFlag(UserRegistryCapabilities.Authenticate) ? authenticateLookups : CustomerLookupKinds.None;
    }

    /// <summary>Gets the provider's name, e.g. <c>Cmfbl</c> or <c>McCrm</c>.</summary>
    public string ProviderName { get; }

    /// <summary>Gets the operations the provider serves.</summary>
    public UserRegistryCapabilities Capabilities { get; }

    /// <summary>Gets the lookup kinds <see cref="IUserRegistry.ExistsAsync"/> accepts.</summary>
    public CustomerLookupKinds ExistsLookups { get; }

    /// <summary>Gets the lookup kinds <see cref="IUserRegistry.FindAsync"/> accepts.</summary>
    public CustomerLookupKinds FindLookups { get; }

    /// <summary>Gets the login kinds <see cref="IUserRegistry.AuthenticateAsync"/> accepts.</summary>
    public CustomerLookupKinds AuthenticateLookups { get; }

    /// <summary>Tells whether the provider serves <paramref name="capability"/>.</summary>
    /// <param name="capability">One operation.</param>
    /// <returns><see langword="true"/> when it is supported.</returns>
    public bool Supports(UserRegistryCapabilities capability) =>
        capability != UserRegistryCapabilities.None && (Capabilities & capability) == capability;

    /// <summary>Tells whether <paramref name="capability"/> accepts lookups of <paramref name="kind"/>.</summary>
    /// <param name="capability"><see cref="UserRegistryCapabilities.Exists"/>, <see cref="UserRegistryCapabilities.Find"/> or <see cref="UserRegistryCapabilities.Authenticate"/>.</param>
    /// <param name="kind">The lookup kind.</param>
    /// <returns><see langword="true"/> when the operation is supported with that kind of lookup.</returns>
    public bool Supports(UserRegistryCapabilities capability, CustomerLookupKind kind)
    {
        var accepted = capability switch
        {
            UserRegistryCapabilities.Exists => ExistsLookups,
            UserRegistryCapabilities.Find => FindLookups,
            UserRegistryCapabilities.Authenticate => AuthenticateLookups,
            _ => CustomerLookupKinds.None,
        };
        return (accepted & ToFlag(kind)) != 0;
    }

    /// <inheritdoc />
    public override string ToString() => $"{ProviderName} ({Capabilities})";

    private static CustomerLookupKinds ToFlag(CustomerLookupKind kind) => kind switch
    {
        CustomerLookupKind.Id => CustomerLookupKinds.Id,
        CustomerLookupKind.Number => CustomerLookupKinds.Number,
        CustomerLookupKind.Email => CustomerLookupKinds.Email,
        CustomerLookupKind.Phone => CustomerLookupKinds.Phone,
        _ => CustomerLookupKinds.None,
    };
}
