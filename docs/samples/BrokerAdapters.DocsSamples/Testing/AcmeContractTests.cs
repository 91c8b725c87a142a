using BrokerAdapters.Testing;
using NUnit.Framework;

namespace BrokerAdapters.DocsSamples.Testing;

// docs/testing.md, "The contract suite, for a provider of your own". AcmeEmulator and AcmeUserRegistry stand for a
// provider's own emulator and registry; the contract suite would fail them, they only make the sample compile.
#region testing-contract-suite
[TestFixture]
public sealed class AcmeContractTests : UserRegistryContractTests
{
    protected override Task<UserRegistryContractContext> CreateContextAsync()
    {
        var emulator = new AcmeEmulator();
        var registry = new AcmeUserRegistry(new HttpClient(emulator.Handler));   // your registry over the emulator
        return Task.FromResult(new UserRegistryContractContext(registry, () => emulator.Requests.Count));
    }
}
#endregion

public sealed class AcmeEmulator
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public HttpMessageHandler Handler => new RecordingHandler(Requests);

    private sealed class RecordingHandler(List<HttpRequestMessage> requests) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotImplemented));
        }
    }
}

public sealed class AcmeUserRegistry(HttpClient http) : IUserRegistry
{
    public HttpClient Http { get; } = http;

    public UserRegistryDescriptor Descriptor { get; } = new("Acme", UserRegistryCapabilities.Register);

    public Task<CustomerRegistration> RegisterAsync(NewCustomer customer, CancellationToken cancellationToken = default) =>
        throw UserRegistryException.NotSupported("Acme", nameof(RegisterAsync));

    public Task<bool> ExistsAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) =>
        throw UserRegistryException.NotSupported("Acme", nameof(ExistsAsync));

    public Task<Customer?> FindAsync(CustomerLookup lookup, CancellationToken cancellationToken = default) =>
        throw UserRegistryException.NotSupported("Acme", nameof(FindAsync));

    public IAsyncEnumerable<Customer> ListAsync(CustomerQuery? query = null, CancellationToken cancellationToken = default) =>
        throw UserRegistryException.NotSupported("Acme", nameof(ListAsync));

    public Task<AuthenticatedCustomer> AuthenticateAsync(CustomerCredentials credentials, CancellationToken cancellationToken = default) =>
        throw UserRegistryException.NotSupported("Acme", nameof(AuthenticateAsync));
}
