using System.Globalization;
using System.Security.Cryptography;
using NUnit.Framework;

namespace BrokerAdapters.Testing;

/// <summary>
/// The behaviour every <see cref="IUserRegistry"/> must have, as an abstract NUnit fixture. A provider's test project
/// inherits it and says only how to build the registry (<see cref="CreateContextAsync"/>), against an emulator in
/// memory or over a real socket. Operations the provider does not offer are checked to fail with
/// <see cref="UserRegistryErrorKind.NotSupported"/> before any request, so every test asserts something on every provider.
/// </summary>
public abstract class UserRegistryContractTests
{
    private UserRegistryContractContext? _context;

    /// <summary>Gets the current test's context.</summary>
    protected UserRegistryContractContext Context => _context ?? throw new InvalidOperationException("The context is created in SetUp.");

    /// <summary>Gets the registry under test.</summary>
    protected IUserRegistry Registry => Context.Registry;

    /// <summary>Gets the registry's descriptor.</summary>
    protected UserRegistryDescriptor Descriptor => Registry.Descriptor;

    /// <summary>Builds a fresh registry (and whatever serves it) for one test.</summary>
    /// <returns>The context.</returns>
    protected abstract Task<UserRegistryContractContext> CreateContextAsync();

    /// <summary>
    /// A valid customer for this provider, unique across calls (email, phone and external id). Override when the
    /// provider needs other fields.
    /// </summary>
    /// <returns>The customer.</returns>
    protected virtual NewCustomer UniqueCustomer()
    {
        var n = RandomNumberGenerator.GetInt32(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        return new NewCustomer
        {
            Email = $"contract.{n}@example.com",
            Phone = new PhoneNumber("+852", "9" + n),
            Password = "Pa55-" + n,
            Country = "HK",
            Name = new PersonName { Given = "Contract", Family = "Test" + n },
            ExternalId = "contract-" + n,
            Source = RegistrationSource.System,
        };
    }

    /// <summary>Creates the context.</summary>
    /// <returns>A task.</returns>
    [SetUp]
    public async Task CreateContextForTestAsync() => _context = await CreateContextAsync().ConfigureAwait(false);

    /// <summary>Releases the context.</summary>
    /// <returns>A task.</returns>
    [TearDown]
    public async Task DisposeContextAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync().ConfigureAwait(false);
            _context = null;
        }
    }

    /// <summary>The descriptor names the provider and offers registration.</summary>
    [Test]
    public void Descriptor_names_the_provider_and_offers_registration()
    {
        Assert.That(Descriptor.ProviderName, Is.Not.Empty);
        Assert.That(Descriptor.Supports(UserRegistryCapabilities.Register), Is.True);
    }

    /// <summary>Registration returns the provider's keys and the fields it was given.</summary>
    /// <returns>A task.</returns>
    [Test]
    public async Task Register_returns_the_customer_with_its_provider_keys()
    {
        var input = UniqueCustomer();

        var customer = (await Registry.RegisterAsync(input).ConfigureAwait(false)).Customer;

        Assert.That(customer.Provider, Is.EqualTo(Descriptor.ProviderName));
        Assert.That(customer.Id, Is.Not.Empty);
        Assert.That(customer.Number, Is.Not.Empty);
        Assert.That(customer.Email, Is.EqualTo(input.Email));
        Assert.That(customer.Phone, Is.EqualTo(input.Phone));
        Assert.That(customer.Country, Is.EqualTo(input.Country));
        Assert.That(customer.ExternalId, Is.EqualTo(input.ExternalId));
    }

    /// <summary>Two registrations get two different ids and numbers.</summary>
    /// <returns>A task.</returns>
    [Test]
    public async Task Registrations_get_distinct_ids_and_numbers()
    {
        var registrations = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Registry.RegisterAsync(UniqueCustomer()))).ConfigureAwait(false);

        Assert.That(registrations.Select(r => r.Outcome), Is.All.EqualTo(RegistrationOutcome.Created));
        Assert.That(registrations.Select(r => r.Customer.Id), Is.Unique);
        Assert.That(registrations.Select(r => r.Customer.Number), Is.Unique);
    }

    /// <summary>A registered customer can be found again by every lookup kind the provider's find accepts.</summary>
    /// <returns>A task.</returns>
    [Test]
    public async Task Register_then_find_returns_the_same_customer()
    {
        var input = UniqueCustomer();
        var created = (await Registry.RegisterAsync(input).ConfigureAwait(false)).Customer;
        var kinds = Kinds().Where(k => Descriptor.Supports(UserRegistryCapabilities.Find, k)).ToArray();
        if (kinds.Length == 0)
        {
            await AssertNotSupportedAsync(() => Registry.FindAsync(LookupFor(CustomerLookupKind.Id, created, input))).ConfigureAwait(false);
            return;
        }

        foreach (var kind in kinds)
        {
            var found = await Registry.FindAsync(LookupFor(kind, created, input)).ConfigureAwait(false);

            Assert.That(found, Is.Not.Null, $"find by {kind}");
            Assert.That(found!.Id, Is.EqualTo(created.Id), $"find by {kind}");
            Assert.That(found.Number, Is.EqualTo(created.Number), $"find by {kind}");
            Assert.That(found.Email, Is.EqualTo(input.Email), $"find by {kind}");
            Assert.That(found.Phone, Is.EqualTo(input.Phone), $"find by {kind}");
        }
    }

    /// <summary>Finding a customer that does not exist returns <see langword="null"/>.</summary>
    /// <returns>A task.</returns>
    [Test]
    public async Task Find_of_an_unknown_customer_returns_null()
    {
        var kind = Kinds().Where(k => Descriptor.Supports(UserRegistryCapabilities.Find, k)).Cast<CustomerLookupKind?>().FirstOrDefault();
        Assume.That(kind, Is.Not.Null, "the provider cannot find customers");

        var lookup = kind switch
        {
            CustomerLookupKind.Id => CustomerLookup.ById("0123456789abcdef0123456789abcdef"),
            CustomerLookupKind.Number => CustomerLookup.ByNumber("99999999"),
            CustomerLookupKind.Email => CustomerLookup.ByEmail("nobody.here@example.com"),
            _ => CustomerLookup.ByPhone(new PhoneNumber("+852", "51234567")),
        };

        Assert.That(await Registry.FindAsync(lookup).ConfigureAwait(false), Is.Null);
    }

    /// <summary>Registering the same person twice is refused as <see cref="UserRegistryErrorKind.AlreadyExists"/>.</summary>
    /// <returns>A task.</returns>
    [Test]
    public async Task Registering_a_duplicate_is_AlreadyExists()
    {
        var input = UniqueCustomer();
        await Registry.RegisterAsync(input).ConfigureAwait(false);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => Registry.RegisterAsync(input with { ExternalId = input.ExternalId + "-again" })).ConfigureAwait(false);

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.AlreadyExists));
        Assert.That(ex.Provider, Is.EqualTo(Descriptor.ProviderName));
        Assert.That(ex.IsRetryable, Is.False);
    }

    /// <summary>Exists is true for a registered customer and false for an unknown one, for every lookup kind it accepts.</summary>
    /// <returns>A task.</returns>
    [Test]
    public async Task Exists_tells_registered_from_unknown_customers()
    {
        var input = UniqueCustomer();
        var created = (await Registry.RegisterAsync(input).ConfigureAwait(false)).Customer;
        var kinds = Kinds().Where(k => Descriptor.Supports(UserRegistryCapabilities.Exists, k)).ToArray();
        if (kinds.Length == 0)
        {
            await AssertNotSupportedAsync(() => Registry.ExistsAsync(LookupFor(CustomerLookupKind.Email, created, input))).ConfigureAwait(false);
            return;
        }

        var unknown = UniqueCustomer();
        foreach (var kind in kinds)
        {
            Assert.That(await Registry.ExistsAsync(LookupFor(kind, created, input)).ConfigureAwait(false), Is.True, $"exists by {kind}");
            var absent = kind == CustomerLookupKind.Number ? CustomerLookup.ByNumber("99999999") : LookupFor(kind, created with { Id = "0" }, unknown);
            Assert.That(await Registry.ExistsAsync(absent).ConfigureAwait(false), Is.False, $"absent by {kind}");
        }
    }

    /// <summary>Listing pages through every customer exactly once.</summary>
    /// <returns>A task.</returns>
    [Test]
    public async Task List_pages_through_every_customer()
    {
        if (!Descriptor.Supports(UserRegistryCapabilities.List))
        {
            var before = Context.RequestCount;
            var ex = await Assert.ThrowsAsync<UserRegistryException>(async () =>
            {
                await foreach (var customer in Registry.ListAsync(new CustomerQuery { PageSize = 2 }).ConfigureAwait(false))
                {
                    Assert.Fail($"listed {customer.Id}");
                }
            }).ConfigureAwait(false);
            Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
            Assert.That(Context.RequestCount, Is.EqualTo(before), "no request for an unsupported operation");
            return;
        }

        var created = new List<Customer>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await Registry.RegisterAsync(UniqueCustomer()).ConfigureAwait(false)).Customer);
        }

        var listed = new List<Customer>();
        await foreach (var customer in Registry.ListAsync(new CustomerQuery { PageSize = 2 }).ConfigureAwait(false))
        {
            listed.Add(customer);
        }

        Assert.That(listed.Select(c => c.Id), Is.Unique);
        Assert.That(listed.Select(c => c.Id), Is.SupersetOf(created.Select(c => c.Id)));
    }

    /// <summary>Login with the registered password gives a session token; a wrong password is refused.</summary>
    /// <returns>A task.</returns>
    [Test]
    public async Task Authenticate_accepts_the_right_password_and_refuses_a_wrong_one()
    {
        var input = UniqueCustomer();
        var created = (await Registry.RegisterAsync(input).ConfigureAwait(false)).Customer;
        var kind = Kinds().Where(k => Descriptor.Supports(UserRegistryCapabilities.Authenticate, k)).Cast<CustomerLookupKind?>().FirstOrDefault();
        if (kind is null)
        {
            await AssertNotSupportedAsync(() => Registry.AuthenticateAsync(new CustomerCredentials(LookupFor(CustomerLookupKind.Email, created, input), input.Password!))).ConfigureAwait(false);
            return;
        }

        var login = LookupFor(kind.Value, created, input);
        var session = await Registry.AuthenticateAsync(new CustomerCredentials(login, input.Password!)).ConfigureAwait(false);
        Assert.That(session.AccessToken, Is.Not.Empty);
        Assert.That(session.Customer.Id, Is.EqualTo(created.Id));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => Registry.AuthenticateAsync(new CustomerCredentials(login, input.Password + "-wrong"))).ConfigureAwait(false);
        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidCredentials));
    }

    /// <summary>Every operation or lookup kind the descriptor does not offer throws NotSupported before any request.</summary>
    /// <returns>A task.</returns>
    [Test]
    public async Task Unsupported_operations_throw_NotSupported_without_a_request()
    {
        var sample = new Customer { Provider = Descriptor.ProviderName, Id = "1", Number = "1" };
        var input = UniqueCustomer();
        var checkedAny = false;
        foreach (var kind in Kinds())
        {
            var lookup = LookupFor(kind, sample, input);
            if (!Descriptor.Supports(UserRegistryCapabilities.Exists, kind))
            {
                await AssertNotSupportedAsync(() => Registry.ExistsAsync(lookup)).ConfigureAwait(false);
                checkedAny = true;
            }

            if (!Descriptor.Supports(UserRegistryCapabilities.Find, kind))
            {
                await AssertNotSupportedAsync(() => Registry.FindAsync(lookup)).ConfigureAwait(false);
                checkedAny = true;
            }

            if (!Descriptor.Supports(UserRegistryCapabilities.Authenticate, kind))
            {
                await AssertNotSupportedAsync(() => Registry.AuthenticateAsync(new CustomerCredentials(lookup, "Pa55word"))).ConfigureAwait(false);
                checkedAny = true;
            }
        }

        Assume.That(checkedAny, Is.True, "the provider supports every operation with every lookup kind");
    }

    /// <summary>Invalid input is refused as InvalidInput, naming the field, before any request.</summary>
    /// <returns>A task.</returns>
    [Test]
    public async Task Invalid_input_is_refused_before_any_request()
    {
        var before = Context.RequestCount;

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => Registry.RegisterAsync(UniqueCustomer() with { Password = null, Email = "not an email" })).ConfigureAwait(false);

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(ex.FieldErrors.Select(f => f.Field), Is.SupersetOf(new[] { "Password", "Email" }));
        Assert.That(Context.RequestCount, Is.EqualTo(before));
    }

    /// <summary>A cancelled token stops the call before any request.</summary>
    [Test]
    public void A_cancelled_token_is_honoured_before_any_request()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var before = Context.RequestCount;

        Assert.That(async () => (await Registry.RegisterAsync(UniqueCustomer(), cts.Token).ConfigureAwait(false)).Customer, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Context.RequestCount, Is.EqualTo(before));
    }

    /// <summary>Null arguments are programming errors: <see cref="ArgumentNullException"/>, not a provider error.</summary>
    [Test]
    public void Null_arguments_throw_ArgumentNullException()
    {
        Assert.That(() => Registry.RegisterAsync(null!), Throws.ArgumentNullException);
        Assert.That(() => Registry.ExistsAsync(null!), Throws.ArgumentNullException);
        Assert.That(() => Registry.FindAsync(null!), Throws.ArgumentNullException);
        Assert.That(() => Registry.AuthenticateAsync(null!), Throws.ArgumentNullException);
    }

    /// <summary>
    /// An answer of 429 that persists is RateLimited and retryable, and the registration was not applied (a registry
    /// may retry a 429 itself: the provider refused the request before acting on it).
    /// </summary>
    /// <returns>A task.</returns>
    [Test]
    public async Task A_persistent_rate_limited_answer_is_RateLimited()
    {
        var faults = await WarmedUpFaultsAsync().ConfigureAwait(false);
        faults.FailNext(100, System.Net.HttpStatusCode.TooManyRequests);
        try
        {
            var ex = await Assert.ThrowsAsync<UserRegistryException>(() => Registry.RegisterAsync(UniqueCustomer())).ConfigureAwait(false);

            Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
            Assert.That(ex.IsRetryable, Is.True);
        }
        finally
        {
            faults.Clear();
        }
    }

    /// <summary>An answer that is not the provider's protocol is a ProtocolError, not a crash.</summary>
    /// <returns>A task.</returns>
    [Test]
    public async Task A_malformed_answer_to_a_read_is_a_ProtocolError()
    {
        var faults = await WarmedUpFaultsAsync().ConfigureAwait(false);
        var kind = Kinds().First(k => Descriptor.Supports(UserRegistryCapabilities.Find, k));
        var lookup = LookupFor(kind, new Customer { Provider = Descriptor.ProviderName, Id = "1", Number = "1" }, UniqueCustomer());
        faults.MalformNext(1, MalformedBody.NotJson);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => Registry.FindAsync(lookup)).ConfigureAwait(false);

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError));
        Assert.That(ex.Provider, Is.EqualTo(Descriptor.ProviderName));
    }

    /// <summary>
    /// A registration applied by the provider whose answer is lost is never a retryable failure: either the registry
    /// verifies and returns the customer as <see cref="RegistrationOutcome.Recovered"/>, or it throws
    /// <see cref="UserRegistryErrorKind.OutcomeUnknown"/> with the lookups to reconcile by.
    /// </summary>
    /// <returns>A task.</returns>
    [Test]
    public async Task A_registration_whose_answer_is_lost_is_recovered_or_OutcomeUnknown()
    {
        var faults = await WarmedUpFaultsAsync().ConfigureAwait(false);
        faults.DropNextResponses(1);
        var input = UniqueCustomer();

        CustomerRegistration? registration = null;
        UserRegistryException? error = null;
        try
        {
            registration = await Registry.RegisterAsync(input).ConfigureAwait(false);
        }
        catch (UserRegistryException ex)
        {
            error = ex;
        }

        if (registration is not null)
        {
            Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Recovered));
            Assert.That(registration.IsRecovered, Is.True);
            Assert.That(registration.Customer.Email, Is.EqualTo(input.Email).IgnoreCase);
            Assert.That(registration.Customer.Phone?.E164, Is.EqualTo(input.Phone?.E164));
        }
        else
        {
            Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
            Assert.That(error.IsRetryable, Is.False);
            Assert.That(error.ReconciliationLookups, Is.Not.Empty);
        }
    }

    /// <summary>Cancelling while the provider is slow stops the call.</summary>
    /// <returns>A task.</returns>
    [Test]
    public async Task Cancelling_during_a_slow_request_stops_the_call()
    {
        var faults = await WarmedUpFaultsAsync().ConfigureAwait(false);
        faults.Latency = TimeSpan.FromMinutes(5);
        try
        {
            using var cts = new CancellationTokenSource();
            var call = Registry.RegisterAsync(UniqueCustomer(), cts.Token);
            await cts.CancelAsync().ConfigureAwait(false);

            Assert.That(async () => await call.ConfigureAwait(false), Throws.InstanceOf<OperationCanceledException>());
        }
        finally
        {
            faults.Latency = TimeSpan.Zero;
        }
    }

    private async Task<EmulatorFaults> WarmedUpFaultsAsync()
    {
        Assume.That(Context.Faults, Is.Not.Null, "the context has no emulator faults to inject");

        // One successful call first, so that any session set-up (CMFBL's admin token) is behind us.
        await Registry.RegisterAsync(UniqueCustomer()).ConfigureAwait(false);
        return Context.Faults!;
    }

    private static CustomerLookupKind[] Kinds() => Enum.GetValues<CustomerLookupKind>();

    private static CustomerLookup LookupFor(CustomerLookupKind kind, Customer created, NewCustomer input) => kind switch
    {
        CustomerLookupKind.Id => CustomerLookup.ById(created.Id),
        CustomerLookupKind.Number => CustomerLookup.ByNumber(created.Number ?? created.Id),
        CustomerLookupKind.Email => CustomerLookup.ByEmail(input.Email!),
        _ => CustomerLookup.ByPhone(input.Phone!),
    };

    private async Task AssertNotSupportedAsync(Func<Task> call)
    {
        var before = Context.RequestCount;
        var ex = await Assert.ThrowsAsync<UserRegistryException>(async () => await call().ConfigureAwait(false)).ConfigureAwait(false);
        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
        Assert.That(Context.RequestCount, Is.EqualTo(before), "no request for an unsupported operation");
    }
}
