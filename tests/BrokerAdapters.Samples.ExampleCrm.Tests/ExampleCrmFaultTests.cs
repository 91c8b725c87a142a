using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.Samples.ExampleCrm.Tests;

/// <summary>
/// The fault behaviours of the shared contract (rate limit, malformed answer, lost registration, slow provider),
/// with the Example CRM emulator's own faults, plus the client's timeout and a refused API key.
/// </summary>
public sealed class ExampleCrmFaultTests
{
    private ExampleCrmEmulator _emulator = null!;
    private ServiceProvider _services = null!;
    private IUserRegistry _registry = null!;

    [SetUp]
    public void SetUp() => Build();

    [TearDown]
    public void TearDown() => _services.Dispose();

    [Test]
    public async Task A_persistent_429_is_RateLimited_with_the_wait_Example_CRM_asked_for()
    {
        _emulator.FailNext(1, HttpStatusCode.TooManyRequests);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.RegisterAsync(ExampleCrmWireTests.Ann()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(ex.IsRetryable, Is.True);
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(ex.TraceId, Does.StartWith("req_"));
        Assert.That(_emulator.Customers, Is.Empty);
        Assert.That(_emulator.Requests, Has.Count.EqualTo(1), "a refused registration is neither checked nor sent again");
    }

    [Test]
    public async Task A_malformed_answer_to_a_read_is_a_ProtocolError()
    {
        _emulator.MalformNext(1);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.FindAsync(CustomerLookup.ById("cus_1")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
        Assert.That(ex.HttpStatus, Is.EqualTo(200));
    }

    [Test]
    public async Task A_503_to_a_read_is_Unavailable_and_retryable()
    {
        _emulator.FailNext(1, HttpStatusCode.ServiceUnavailable);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.ExistsAsync(CustomerLookup.ByEmail("ann.lee@example.com")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.IsRetryable, Is.True);
    }

    [Test]
    public async Task A_registration_whose_answer_is_lost_is_found_and_returned_as_Recovered()
    {
        _emulator.DropNextResponses(1);

        var registration = await _registry.RegisterAsync(ExampleCrmWireTests.Ann());

        var stored = _emulator.Customers.Single();
        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Recovered));
        Assert.That(registration.Customer.Id, Is.EqualTo(stored.Id));
        Assert.That(_emulator.Requests.Select(r => r.Method), Is.EqualTo(new[] { HttpMethod.Post, HttpMethod.Get }), "sent once, then checked");
    }

    [Test]
    public async Task A_registration_with_a_malformed_answer_that_was_not_applied_is_OutcomeUnknown()
    {
        _emulator.MalformNext(1);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.RegisterAsync(ExampleCrmWireTests.Ann()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.ReconciliationLookups, Has.Count.EqualTo(2));
        Assert.That(_emulator.Customers, Is.Empty);
        Assert.That(_emulator.Requests.Count(r => r.Method == HttpMethod.Post), Is.EqualTo(1));
    }

    [Test]
    public async Task Cancelling_during_a_slow_request_stops_the_call()
    {
        _emulator.Latency = TimeSpan.FromMinutes(5);
        using var cts = new CancellationTokenSource();

        var call = _registry.RegisterAsync(ExampleCrmWireTests.Ann(), cts.Token);
        await cts.CancelAsync();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task A_read_slower_than_the_configured_timeout_is_Timeout()
    {
        Build(s => s["UserRegistry:ExampleCrm:Timeout"] = "00:00:00.200");
        _emulator.Latency = TimeSpan.FromMinutes(5);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.FindAsync(CustomerLookup.ById("cus_1")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Timeout));
        Assert.That(ex.IsRetryable, Is.True);
    }

    [Test]
    public async Task A_wrong_api_key_is_Unauthorized_and_never_printed()
    {
        Build(s => s["UserRegistry:ExampleCrm:ApiKey"] = "ek_test_revoked");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.FindAsync(CustomerLookup.ById("cus_1")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unauthorized));
        Assert.That(ex.ProviderCode, Is.EqualTo("invalid_api_key"));
        Assert.That(ex.ToString(), Does.Not.Contain("ek_test_revoked"));
    }

    private void Build(Action<Dictionary<string, string?>>? configure = null)
    {
        _services?.Dispose();
        _emulator = new ExampleCrmEmulator();
        var settings = new Dictionary<string, string?>(_emulator.ToConfiguration());
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection()
            .AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddExampleCrm(http => http.ConfigurePrimaryHttpMessageHandler(_emulator.CreateHandler))
            .Services
            .BuildServiceProvider();
        _registry = _services.GetRequiredService<IUserRegistry>();
    }
}
