namespace BrokerAdapters;

/// <summary>
/// A provider-neutral registry of customers: register, check, find, list and authenticate.
/// </summary>
/// <remarks>
/// Implementations are thread-safe and meant to be registered as singletons. Operations that a provider
/// cannot serve throw <see cref="UserRegistryException"/> with <see cref="UserRegistryErrorKind.NotSupported"/>
/// before any network call; <see cref="Descriptor"/> tells in advance what is supported.
/// </remarks>
public interface IUserRegistry
{
    /// <summary>Gets the provider's name and what it supports.</summary>
    UserRegistryDescriptor Descriptor { get; }

    /// <summary>Registers a new customer and returns it as the provider stored it.</summary>
    /// <param name="customer">The customer to create. Its password is plain text; the provider encodes it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The created customer, with its provider id and number, and whether the provider answered the registration
    /// (<see cref="RegistrationOutcome.Created"/>) or its answer was lost and the customer found by checking
    /// (<see cref="RegistrationOutcome.Recovered"/>).
    /// </returns>
    /// <exception cref="UserRegistryException">
    /// Validation failed, the customer exists already, or the provider failed. A registration is never retried
    /// blindly: <see cref="UserRegistryErrorKind.OutcomeUnknown"/> means the customer may or may not have been
    /// created, and <see cref="UserRegistryException.ReconciliationLookups"/> says how to find out.
    /// </exception>
    Task<CustomerRegistration> RegisterAsync(NewCustomer customer, CancellationToken cancellationToken = default);

    /// <summary>Tells whether a customer matching <paramref name="lookup"/> exists.</summary>
    /// <param name="lookup">What to look for.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the provider knows such a customer.</returns>
    /// <exception cref="UserRegistryException">The lookup kind is not supported, or the provider failed.</exception>
    Task<bool> ExistsAsync(CustomerLookup lookup, CancellationToken cancellationToken = default);

    /// <summary>Finds one customer.</summary>
    /// <param name="lookup">What to look for.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer, or <see langword="null"/> when none matches.</returns>
    /// <exception cref="UserRegistryException">The lookup kind is not supported, or the provider failed.</exception>
    Task<Customer?> FindAsync(CustomerLookup lookup, CancellationToken cancellationToken = default);

    /// <summary>Streams every customer, fetching pages from the provider as the caller consumes them.</summary>
    /// <param name="query">Paging options; <see langword="null"/> uses the provider's defaults.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The customers, in the provider's order.</returns>
    /// <exception cref="UserRegistryException">Listing is not supported, or the provider failed.</exception>
    IAsyncEnumerable<Customer> ListAsync(CustomerQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Signs a customer in with a login and password.</summary>
    /// <param name="credentials">The login (email, phone or number) and the plain-text password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer and the provider's session token.</returns>
    /// <exception cref="UserRegistryException">The credentials are wrong, the account is locked or disabled, or the provider failed.</exception>
    Task<AuthenticatedCustomer> AuthenticateAsync(CustomerCredentials credentials, CancellationToken cancellationToken = default);
}
