using System.Net;
using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BrokerAdapters.Samples.ExampleCrm.Tests;

/// <summary>
/// The test kit's faults as the Example CRM emulator applies them, and what the provider makes of each: statuses,
/// error codes, broken bodies, lost answers, resets, refusals, stalls and latency, plus a refused API key.
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
        _emulator.Faults.FailNext(1, HttpStatusCode.TooManyRequests);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.RegisterAsync(ExampleCrmWireTests.Ann()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(ex.IsRetryable, Is.True);
        Assert.That(ex.ProviderCode, Is.EqualTo("rate_limited"));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(ex.TraceId, Does.StartWith("req_"));
        Assert.That(_emulator.Customers, Is.Empty);
        Assert.That(_emulator.Requests, Has.Count.EqualTo(1), "a refused registration is neither checked nor sent again");
    }

    [Test]
    public async Task A_503_to_a_read_is_Unavailable_and_retryable()
    {
        _emulator.Faults.FailNext(1, HttpStatusCode.ServiceUnavailable);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.ExistsAsync(CustomerLookup.ByEmail("ann.lee@example.com")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.ProviderCode, Is.EqualTo("unavailable"));
        Assert.That(ex.IsRetryable, Is.True);
    }

    [Test]
    public async Task A_status_Example_CRM_does_not_document_comes_as_a_proxy_page_and_a_404_is_no_missing_customer()
    {
        _emulator.Faults.FailNext(1, HttpStatusCode.NotFound);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.FindAsync(CustomerLookup.ById("cus_1")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
        Assert.That(ex.HttpStatus, Is.EqualTo(404));
        Assert.That(ex.ProviderCode, Is.Null);
    }

    [TestCase("invalid_api_key", 401, UserRegistryErrorKind.Unauthorized)]
    [TestCase("forbidden", 403, UserRegistryErrorKind.Forbidden)]
    [TestCase("rate_limited", 429, UserRegistryErrorKind.RateLimited)]
    [TestCase("unavailable", 503, UserRegistryErrorKind.Unavailable)]
    [TestCase("quota_exceeded", 400, UserRegistryErrorKind.ProtocolError)]
    public async Task An_error_code_is_answered_with_its_status_in_Example_CRM_error_format(string code, int status, UserRegistryErrorKind kind)
    {
        _emulator.Faults.FailNextWithCode(1, code, "Injected for the test.", ExampleCrmOperations.GetCustomer);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.FindAsync(CustomerLookup.ById("cus_1")));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(ex.HttpStatus, Is.EqualTo(status));
        Assert.That(ex.ProviderCode, Is.EqualTo(code));
        Assert.That(ex.ProviderMessage, Is.EqualTo("Injected for the test."));
        Assert.That(ex.TraceId, Does.StartWith("req_"));
    }

    [Test]
    public async Task A_customer_exists_code_refuses_the_registration_and_stores_nothing()
    {
        _emulator.Faults.FailNextWithCode(1, "customer_exists", operation: ExampleCrmOperations.CreateCustomer);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.RegisterAsync(ExampleCrmWireTests.Ann()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.AlreadyExists));
        Assert.That(ex.HttpStatus, Is.EqualTo(409));
        Assert.That(ex.ProviderMessage, Is.EqualTo("Injected failure."));
        Assert.That(_emulator.Customers, Is.Empty);
    }

    [Test]
    public async Task A_fault_queued_for_one_operation_leaves_the_others_alone()
    {
        _emulator.Faults.FailNext(1, HttpStatusCode.ServiceUnavailable, ExampleCrmOperations.SearchCustomers);

        var registration = await _registry.RegisterAsync(ExampleCrmWireTests.Ann());
        var found = await _registry.FindAsync(CustomerLookup.ById(registration.Customer.Id));
        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.ExistsAsync(CustomerLookup.ByEmail("ann.lee@example.com")));

        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
        Assert.That(found!.Id, Is.EqualTo(registration.Customer.Id));
        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(_emulator.Faults.Pending, Is.Zero);
    }

    [Test]
    public async Task Random_faults_are_served_like_queued_ones()
    {
        _emulator.Faults.InjectRandomly(1, seed: 3, [EmulatorFaultKind.RateLimited]);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.FindAsync(CustomerLookup.ById("cus_1")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(_emulator.Faults.RandomlyInjected, Is.EqualTo(new Dictionary<EmulatorFaultKind, int> { [EmulatorFaultKind.RateLimited] = 1 }));
    }

    [Test]
    public async Task A_malformed_answer_to_a_find_is_a_ProtocolError([Values] MalformedBody kind)
    {
        _emulator.Faults.MalformNext(1, kind);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.FindAsync(CustomerLookup.ById("cus_1")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
        Assert.That(ex.Provider, Is.EqualTo("ExampleCrm"));
    }

    [Test]
    public async Task A_malformed_page_is_a_ProtocolError([Values] MalformedBody kind)
    {
        _emulator.Faults.MalformNext(1, kind, ExampleCrmOperations.SearchCustomers);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(async () => await _registry.ListAsync().ToListAsync());

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
    }

    [Test]
    public async Task A_malformed_session_is_a_ProtocolError([Values] MalformedBody kind)
    {
        await _registry.RegisterAsync(ExampleCrmWireTests.Ann());
        _emulator.Faults.MalformNext(1, kind, ExampleCrmOperations.CreateSession);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(
            () => _registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByEmail("ann.lee@example.com"), "S3cure-pass")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
    }

    [TestCase(MalformedBody.NullData, ExampleCrmOperations.GetCustomer, "null")]
    [TestCase(MalformedBody.NullData, ExampleCrmOperations.SearchCustomers, """{"data":null,"next_cursor":null}""")]
    [TestCase(MalformedBody.WrongDataType, ExampleCrmOperations.GetCustomer, "\"unexpected text\"")]
    [TestCase(MalformedBody.WrongDataType, ExampleCrmOperations.SearchCustomers, """{"data":"unexpected text","next_cursor":null}""")]
    [TestCase(MalformedBody.MissingCode, ExampleCrmOperations.GetCustomer,
        """{"number":"100000","email":"sample@example.com","status":"active","created_at":"2025-01-01T00:00:00Z"}""")]
    [TestCase(MalformedBody.MissingCode, ExampleCrmOperations.SearchCustomers, """{"next_cursor":null}""")]
    [TestCase(MalformedBody.NotJson, ExampleCrmOperations.GetCustomer, "Internal error: upstream returned garbage")]
    [TestCase(MalformedBody.Empty, ExampleCrmOperations.GetCustomer, "")]
    public async Task A_broken_answer_is_an_Example_CRM_answer_with_one_part_broken(MalformedBody kind, string operation, string body)
    {
        _emulator.Faults.MalformNext(1, kind, operation);
        using var client = new HttpClient(_emulator.CreateHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, ExampleCrmEmulator.BaseUrl + (operation == ExampleCrmOperations.GetCustomer ? "v1/customers/cus_1" : "v1/customers?limit=1"));
        request.Headers.Authorization = new("Bearer", _emulator.ApiKey);

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(body));
    }

    [Test]
    public async Task A_registration_whose_answer_is_lost_is_found_and_returned_as_Recovered()
    {
        _emulator.Faults.DropNextResponses(1);

        var registration = await _registry.RegisterAsync(ExampleCrmWireTests.Ann());

        var stored = _emulator.Customers.Single();
        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Recovered));
        Assert.That(registration.Customer.Id, Is.EqualTo(stored.Id));
        Assert.That(_emulator.Requests.Select(r => r.Method), Is.EqualTo(new[] { HttpMethod.Post, HttpMethod.Get }), "sent once, then checked");
    }

    [Test]
    public async Task A_registration_with_a_malformed_answer_that_was_not_applied_is_OutcomeUnknown()
    {
        _emulator.Faults.MalformNext(1, MalformedBody.NotJson);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.RegisterAsync(ExampleCrmWireTests.Ann()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.ReconciliationLookups, Has.Count.EqualTo(2));
        Assert.That(_emulator.Customers, Is.Empty);
        Assert.That(_emulator.Requests.Count(r => r.Method == HttpMethod.Post), Is.EqualTo(1));
    }

    [Test]
    public async Task A_registration_reset_before_it_was_applied_is_OutcomeUnknown_and_stores_nothing()
    {
        _emulator.Faults.ResetNext(1, ExampleCrmOperations.CreateCustomer);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.RegisterAsync(ExampleCrmWireTests.Ann()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.InnerException, Is.InstanceOf<UserRegistryException>().And.InnerException.InstanceOf<HttpRequestException>());
        Assert.That(_emulator.Customers, Is.Empty);
        Assert.That(_emulator.Requests.Select(r => r.Method), Is.EqualTo(new[] { HttpMethod.Post, HttpMethod.Get }), "sent once, then checked");
    }

    [Test]
    public async Task A_refused_connection_is_Unavailable_and_the_registration_is_neither_checked_nor_stored()
    {
        _emulator.Faults.RefuseNext(1);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.RegisterAsync(ExampleCrmWireTests.Ann()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.IsRetryable, Is.True);
        Assert.That(_emulator.Customers, Is.Empty);
        Assert.That(_emulator.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_registration_held_past_the_timeout_after_it_was_applied_is_Recovered()
    {
        Build(s => s["UserRegistry:ExampleCrm:Timeout"] = "00:00:00.200", new FakeTimeProvider());
        _emulator.Faults.TimeOutNext(1, EmulatorFaultKind.TimeoutAfterCommit, ExampleCrmOperations.CreateCustomer);

        var registration = await _registry.RegisterAsync(ExampleCrmWireTests.Ann());

        Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Recovered));
        Assert.That(registration.Customer.Id, Is.EqualTo(_emulator.Customers.Single().Id));
    }

    [Test]
    public async Task A_registration_held_past_the_timeout_before_it_was_applied_is_OutcomeUnknown()
    {
        Build(s => s["UserRegistry:ExampleCrm:Timeout"] = "00:00:00.200", new FakeTimeProvider());
        _emulator.Faults.TimeOutNext(1, EmulatorFaultKind.TimeoutBeforeCommit, ExampleCrmOperations.CreateCustomer);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => _registry.RegisterAsync(ExampleCrmWireTests.Ann()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.ReconciliationLookups, Has.Count.EqualTo(2));
        Assert.That(_emulator.Customers, Is.Empty);
    }

    [Test]
    public async Task Latency_follows_the_emulator_clock_and_cancellation_stops_the_wait()
    {
        Build(time: new FakeTimeProvider());
        _emulator.Faults.Latency = TimeSpan.FromMinutes(5);
        using var cts = new CancellationTokenSource();

        var call = _registry.RegisterAsync(ExampleCrmWireTests.Ann(), cts.Token);
        Assert.That(call.IsCompleted, Is.False, "the answer waits for the emulator's clock");
        await cts.CancelAsync();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(_emulator.Customers, Is.Empty);
    }

    [Test]
    public async Task A_read_slower_than_the_configured_timeout_is_Timeout()
    {
        Build(s => s["UserRegistry:ExampleCrm:Timeout"] = "00:00:00.200", new FakeTimeProvider());
        _emulator.Faults.Latency = TimeSpan.FromMinutes(5);

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

    private void Build(Action<Dictionary<string, string?>>? configure = null, TimeProvider? time = null)
    {
        _services?.Dispose();
        _emulator = new ExampleCrmEmulator(time);
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
