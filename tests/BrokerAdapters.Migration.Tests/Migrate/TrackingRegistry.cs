namespace BrokerAdapters.Migration.Tests.Migrate;

/// <summary>
/// Wraps a registry to count calls and the most registrations (or finds) in flight at once, with an optional delay
/// that makes them overlap; it can also stand in for a provider with any descriptor.
/// </summary>
internal sealed class TrackingRegistry : IUserRegistry
{
    private readonly IUserRegistry? _inner;
    private readonly TimeSpan _delay;
    private readonly Lock _lock = new();
    private int _inFlight;

    public TrackingRegistry(IUserRegistry inner, TimeSpan delay = default)
    {
        _inner = inner;
        _delay = delay;
        Descriptor = inner.Descriptor;
    }

    /// <summary>A registry of an unknown provider that registers everything in memory.</summary>
    public TrackingRegistry(UserRegistryDescriptor descriptor)
    {
        Descriptor = descriptor;
    }

    public UserRegistryDescriptor Descriptor { get; }

    public int MaxInFlight { get; private set; }

    public int Registrations { get; private set; }

    public int Finds { get; private set; }

    public List<NewCustomer> Registered { get; } = [];

    public async Task<CustomerRegistration> RegisterAsync(NewCustomer customer, CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            lock (_lock)
            {
                Registrations++;
                Registered.Add(customer);
            }

            if (_delay > TimeSpan.Zero)
            {
                await Task.Delay(_delay, cancellationToken);
            }

            return _inner is null
                ? new CustomerRegistration(
                    new Customer { Provider = Descriptor.ProviderName, Id = "id-" + Registrations, Email = customer.Email, Phone = customer.Phone },
                    RegistrationOutcome.Created)
                : await _inner.RegisterAsync(customer, cancellationToken);
        }
        finally
        {
            Leave();
        }
    }

    public Task<bool> ExistsAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) =>
        _inner?.ExistsAsync(lookup, cancellationToken) ?? Task.FromResult(false);

    public async Task<Customer?> FindAsync(CustomerLookup lookup, CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            lock (_lock)
            {
                Finds++;
            }

            if (_delay > TimeSpan.Zero)
            {
                await Task.Delay(_delay, cancellationToken);
            }

            return _inner is null ? null : await _inner.FindAsync(lookup, cancellationToken);
        }
        finally
        {
            Leave();
        }
    }

    public IAsyncEnumerable<Customer> ListAsync(CustomerQuery? query = null, CancellationToken cancellationToken = default) =>
        _inner?.ListAsync(query, cancellationToken) ?? throw new NotSupportedException();

    public Task<AuthenticatedCustomer> AuthenticateAsync(CustomerCredentials credentials, CancellationToken cancellationToken = default) =>
        _inner?.AuthenticateAsync(credentials, cancellationToken) ?? throw new NotSupportedException();

    private void Enter()
    {
        lock (_lock)
        {
            _inFlight++;
            MaxInFlight = Math.Max(MaxInFlight, _inFlight);
        }
    }

    private void Leave()
    {
        lock (_lock)
        {
            _inFlight--;
        }
    }
}
