namespace BrokerAdapters.Internal;

/// <summary>
/// Puts each operation of a provider's registry in a span and measures it (<see cref="ProviderTelemetry"/>). Calls the
/// registry makes to itself (e.g. the existence checks of a recovered registration) stay inside the caller's span.
/// </summary>
internal class TelemetryUserRegistry : IUserRegistry, IDisposable
{
    public const string Register = "register";
    public const string Exists = "exists";
    public const string Find = "find";
    public const string List = "list";
    public const string Authenticate = "authenticate";

    public TelemetryUserRegistry(IUserRegistry inner, ProviderTelemetry telemetry)
    {
        Inner = inner;
        Telemetry = telemetry;
    }

    public UserRegistryDescriptor Descriptor => Inner.Descriptor;

    protected IUserRegistry Inner { get; }

    protected ProviderTelemetry Telemetry { get; }

    protected string Provider => Inner.Descriptor.ProviderName;

    public Task<CustomerRegistration> RegisterAsync(NewCustomer customer, CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(
            Provider,
            Register,
            (Inner, customer, cancellationToken),
            static call => call.Inner.RegisterAsync(call.customer, call.cancellationToken),
            static registration => registration.Outcome == RegistrationOutcome.Recovered ? ProviderTelemetry.Recovered : ProviderTelemetry.Success);

    public Task<bool> ExistsAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(Provider, Exists, (Inner, lookup, cancellationToken), static call => call.Inner.ExistsAsync(call.lookup, call.cancellationToken));

    public Task<Customer?> FindAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(Provider, Find, (Inner, lookup, cancellationToken), static call => call.Inner.FindAsync(call.lookup, call.cancellationToken));

    /// <summary>The pages are measured by the provider as it reads them; only a refusal at the call is measured here.</summary>
    public IAsyncEnumerable<Customer> ListAsync(CustomerQuery? query = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return Inner.ListAsync(query, cancellationToken);
        }
        catch (Exception ex)
        {
            Telemetry.Start(Provider, List).Failed(ex);
            throw;
        }
    }

    public Task<AuthenticatedCustomer> AuthenticateAsync(CustomerCredentials credentials, CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(Provider, Authenticate, (Inner, credentials, cancellationToken), static call => call.Inner.AuthenticateAsync(call.credentials, call.cancellationToken));

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            (Inner as IDisposable)?.Dispose();
        }
    }
}
