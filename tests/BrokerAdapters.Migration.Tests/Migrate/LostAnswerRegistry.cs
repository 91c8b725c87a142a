namespace BrokerAdapters.Migration.Tests.Migrate;

/// <summary>
/// Wraps a registry so that its next registrations end in <see cref="UserRegistryErrorKind.OutcomeUnknown"/> that the
/// provider could not resolve by checking — applied by the inner registry first, or not at all — as a migration sees
/// a provider whose answer and whose verification were both lost.
/// </summary>
internal sealed class LostAnswerRegistry(IUserRegistry inner, int count, bool applied) : IUserRegistry
{
    private int _remaining = count;

    public UserRegistryDescriptor Descriptor => inner.Descriptor;

    public async Task<CustomerRegistration> RegisterAsync(NewCustomer customer, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref _remaining) < 0)
        {
            return await inner.RegisterAsync(customer, cancellationToken);
        }

        if (applied)
        {
            await inner.RegisterAsync(customer, cancellationToken);
        }

        throw new UserRegistryException(UserRegistryErrorKind.OutcomeUnknown, "the answer was lost and checking failed too.")
        {
            Provider = Descriptor.ProviderName,
            ReconciliationLookups = [CustomerLookup.ByEmail(customer.Email!)],
        };
    }

    public Task<bool> ExistsAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) => inner.ExistsAsync(lookup, cancellationToken);

    public Task<Customer?> FindAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) => inner.FindAsync(lookup, cancellationToken);

    public IAsyncEnumerable<Customer> ListAsync(CustomerQuery? query = null, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

    public Task<AuthenticatedCustomer> AuthenticateAsync(CustomerCredentials credentials, CancellationToken cancellationToken = default) =>
        inner.AuthenticateAsync(credentials, cancellationToken);
}
