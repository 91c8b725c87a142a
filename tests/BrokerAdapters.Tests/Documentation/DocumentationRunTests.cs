using System.Net;
using System.Reflection;
using BrokerAdapters.DocsSamples.GettingStarted;
using BrokerAdapters.DocsSamples.Packages;
using BrokerAdapters.DocsSamples.Providers;
using BrokerAdapters.DocsSamples.Reliability;
using BrokerAdapters.DocsSamples.SwitchingProviders;
using BrokerAdapters.DocsSamples.Testing;
using BrokerAdapters.Sandbox;
using BrokerAdapters.Testing;
using BrokerAdapters.Tests.Emulators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BrokerAdapters.Tests.Documentation;

/// <summary>The documentation's samples that can run, run: against the emulators, or the sandbox over loopback.</summary>
[NonParallelizable]
public sealed class DocumentationRunTests
{
    [Test]
    public async Task Getting_started_registers_finds_signs_in_and_is_refused_a_duplicate_on_Cmfbl()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var output = await RunGettingStartedAsync(sandbox, "Cmfbl");

        var customer = sandbox.Cmfbl.Companies[0].Customers.Single();
        Assert.That(output, Is.EqualTo(new[]
        {
            "Provider: Cmfbl (Register, Exists, Find, List, Authenticate)",
            $"Registered {customer.Email}: id {customer.Id}, number {customer.CustomerNo} (Created)",
            $"Found by Number: {customer.Email}, phone {customer.PhoneArea}{customer.Phone}, country HK",
            $"Signed in as customer {customer.CustomerNo}",
            $"Registering again: AlreadyExists (Cmfbl code USCUSTOMER_API_0000106, trace {output[^1].Split("trace ")[1]}",
        }));
        Assert.That(customer.Email, Does.Match(@"^ann\.\d{7}@example\.com$"));
        Assert.That(customer.PasswordMatches("S3cure-pass"), Is.True);
    }

    [Test]
    public async Task Getting_started_runs_unchanged_on_McCrm()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var output = await RunGettingStartedAsync(sandbox, "McCrm");

        var user = sandbox.McCrm.Users.Single();
        Assert.That(output, Is.EqualTo(new[]
        {
            "Provider: McCrm (Register, Find)",
            $"Registered {user.Email}: id {user.Uid}, number {user.BizCode} (Created)",
            $"Found by Id: {user.Email}, phone +{user.PhoneNumberPrefix}{user.PhoneNumber}, country HK",
            "McCrm offers no sign-in",
            $"Registering again: AlreadyExists (McCrm code 303, trace {output[^1].Split("trace ")[1]}",
        }));
        Assert.That(output[^1], Does.Match(@"trace m-[0-9a-f]{32}\)$"));
    }

    [Test]
    public async Task Getting_started_error_handling_answers_each_kind()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var cmfbl = EmulatedRegistry.For(emulator, company);
        var mcCrmEmulator = new McCrmEmulator();
        using var mcCrm = EmulatedRegistry.For(mcCrmEmulator);
        var ann = Customer("91234567");

        var welcome = await SignupErrors.SignUpAsync(cmfbl.Registry, ann, CancellationToken.None);
        var again = await SignupErrors.SignUpAsync(cmfbl.Registry, ann, CancellationToken.None);
        var invalid = await SignupErrors.SignUpAsync(cmfbl.Registry, ann with { Phone = null, Country = "hk" }, CancellationToken.None);
        emulator.Faults.FailNext(10, HttpStatusCode.TooManyRequests);
        var limited = await SignupErrors.SignUpAsync(cmfbl.Registry, Customer("91234568"), CancellationToken.None);
        emulator.Faults.Clear();
        company.ExpireTokens();
        emulator.Faults.FailNextWithCode(1, "GGATEWAY_CODE_019");
        var forbidden = await SignupErrors.SignUpAsync(cmfbl.Registry, Customer("91234569"), CancellationToken.None);
        mcCrmEmulator.Faults.DropNextResponses(1, operation: "user/signup");
        var lost = await SignupErrors.SignUpAsync(mcCrm.Registry, Customer("91234570"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(welcome, Is.EqualTo($"Welcome, customer {company.Customers[0].CustomerNo}."));
            Assert.That(again, Is.EqualTo("You are registered already: sign in instead."));
            Assert.That(invalid, Does.StartWith("Please correct: Phone is required by CMFBL.; Country "));
            Assert.That(limited, Is.EqualTo("Please try again in a minute."));
            Assert.That(forbidden, Is.EqualTo("Registration is not available right now."));
            Assert.That(lost, Is.EqualTo("We are checking your registration and will come back to you."));
        });
    }

    [Test]
    public async Task The_readme_signup_handler_works_on_both_providers()
    {
        var cmfblEmulator = new CmfblEmulator();
        var company = cmfblEmulator.AddCompany("360");
        using var cmfbl = EmulatedRegistry.For(cmfblEmulator, company);
        var mcCrmEmulator = new McCrmEmulator();
        using var mcCrm = EmulatedRegistry.For(mcCrmEmulator);

        var onCmfbl = await new DocsSamples.Readme.SignupHandler(cmfbl.Registry).SignUpAsync("ann@example.com", "S3cure-pass", CancellationToken.None);
        var takenOnCmfbl = await new DocsSamples.Readme.SignupHandler(cmfbl.Registry).SignUpAsync("ann@example.com", "S3cure-pass", CancellationToken.None);
        var onMcCrm = await new DocsSamples.Readme.SignupHandler(mcCrm.Registry).SignUpAsync("ann@example.com", "S3cure-pass", CancellationToken.None);

        Assert.That(onCmfbl, Is.EqualTo(company.Customers.Single().CustomerNo));
        Assert.That(takenOnCmfbl, Is.EqualTo("taken"));
        Assert.That(onMcCrm, Is.EqualTo(mcCrmEmulator.Users.Single().BizCode));
        Assert.That(mcCrmEmulator.Requests.Select(r => r.Operation), Is.EqualTo(new[] { "user/signup" }));
    }

    [Test]
    public async Task A_registration_whose_answer_is_lost_is_queued_for_reconciliation()
    {
        var emulator = new McCrmEmulator();
        using var mcCrm = EmulatedRegistry.For(emulator);
        var queue = new RecordingQueue();
        emulator.Faults.DropNextResponses(1, operation: "user/signup");

        await RegistrationReconciliation.RegisterAsync(mcCrm.Registry, Customer("91234567"), NullLogger.Instance, queue, CancellationToken.None);

        Assert.That(queue.Lookups, Is.EquivalentTo(new[] { CustomerLookup.ByEmail("ann.91234567@example.com"), CustomerLookup.ByPhone(new PhoneNumber("+852", "91234567")) }));
        Assert.That(emulator.Users, Has.Count.EqualTo(1), "the signup was applied; only its answer was lost");
    }

    private static IEnumerable<TestCaseData> SignupServiceTestMethods() =>
        typeof(SignupServiceTests).GetMethods()
            .Where(method => method.GetCustomAttribute<TestAttribute>() is not null)
            .Select(method => new TestCaseData(method.Name).SetArgDisplayNames(method.Name));

    [TestCaseSource(nameof(SignupServiceTestMethods))]
    public async Task The_testing_guide_example_passes(string testName)
    {
        var fixture = new SignupServiceTests();
        fixture.Setup();
        try
        {
            await (Task)typeof(SignupServiceTests).GetMethod(testName)!.Invoke(fixture, null)!;
        }
        finally
        {
            fixture.Teardown();
        }
    }

    [Test]
    public async Task The_testing_guide_sandbox_sample_starts_a_seeded_sandbox()
    {
        var seeded = new List<int>();

        var configuration = await SandboxSample.StartAsync(sandbox =>
        {
            seeded.AddRange(sandbox.Cmfbl.Companies.Select(c => c.Customers.Count).Append(sandbox.McCrm.Users.Count));
            return Task.CompletedTask;
        });

        Assert.That(seeded, Is.EqualTo(new[] { 20, 20, 20 }));
        Assert.That(configuration["UserRegistry:Provider"], Is.EqualTo("Cmfbl"));
        Assert.That(configuration["UserRegistry:Cmfbl:BaseUrl"], Does.StartWith("http://127.0.0.1:"));
    }

    [Test]
    public void The_faults_sample_queues_its_faults()
    {
        var emulator = new CmfblEmulator();

        EmulatorFaultsSample.Inject(emulator);

        Assert.That(emulator.Faults.Pending, Is.EqualTo(5));
        Assert.That(emulator.Faults.Latency, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public async Task Two_keyed_registries_register_in_both_providers()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var settings = sandbox.ToConfiguration("Cmfbl", "Registries:Brokerage")
            .Concat(sandbox.ToConfiguration("McCrm", "Registries:Crm"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = TwoRegistries.Add(new ServiceCollection(), configuration).BuildServiceProvider();

        var (inBrokerage, inCrm) = await services.GetRequiredService<CustomerMirror>().RegisterInBothAsync(Customer("91234567"), CancellationToken.None);

        Assert.That(inBrokerage.Provider, Is.EqualTo("Cmfbl"));
        Assert.That(inCrm.Provider, Is.EqualTo("McCrm"));
        Assert.That(inCrm.ExternalId, Is.EqualTo(inBrokerage.Number));
        Assert.That(sandbox.Cmfbl.Companies[0].Customers.Single().CustomerNo, Is.EqualTo(inBrokerage.Number));
        Assert.That(sandbox.McCrm.Users.Single().Uid, Is.EqualTo(inCrm.Id));
    }

    [Test]
    public async Task The_capability_check_asks_CMFBL_and_leaves_MCCRM_to_the_registration()
    {
        var cmfblEmulator = new CmfblEmulator();
        var company = cmfblEmulator.AddCompany("360");
        company.Seed(Customer("91234567"));
        using var cmfbl = EmulatedRegistry.For(cmfblEmulator, company);
        using var mcCrm = EmulatedRegistry.For(new McCrmEmulator());

        Assert.That(await CapabilityChecks.IsEmailTakenAsync(cmfbl.Registry, "ann.91234567@example.com", CancellationToken.None), Is.True);
        Assert.That(await CapabilityChecks.IsEmailTakenAsync(cmfbl.Registry, "bob@example.com", CancellationToken.None), Is.False);
        Assert.That(await CapabilityChecks.IsEmailTakenAsync(mcCrm.Registry, "ann.91234567@example.com", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task The_CMFBL_only_operations_read_groups_and_a_detail_section()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var cmfbl = EmulatedRegistry.For(emulator, company);
        var customer = (await cmfbl.Registry.RegisterAsync(Customer("91234567"))).Customer;
        using var console = new ConsoleCapture();

        var accounts = await CmfblOnlyOperations.ReadAsync(cmfbl.Services, customer, CancellationToken.None);

        Assert.That(console.Lines(), Has.Count.EqualTo(company.Groups.Count).And.All.StartWith("group "));
        Assert.That(accounts, Is.Not.Null);
        Assert.That(emulator.Requests.Select(r => r.Operation), Does.Contain("customer.admin.CustomerGroupAdminApiService.groupList"));
    }

    [Test]
    public async Task MCCRM_customers_are_found_by_the_id_kept_at_registration()
    {
        var emulator = new McCrmEmulator();
        using var mcCrm = EmulatedRegistry.For(emulator);
        var accounts = new MemoryAccounts();

        var found = await McCrmCustomerIds.RegisterAndFindAsync(mcCrm.Registry, accounts, "user-42", Customer("91234567"), CancellationToken.None);

        Assert.That(accounts.Ids["user-42"], Is.EqualTo(emulator.Users.Single().Uid));
        Assert.That(found?.Id, Is.EqualTo(emulator.Users.Single().Uid));
        Assert.That(emulator.Users.Single().UserId, Is.EqualTo("user-42"));
    }

    [Test]
    public async Task The_testing_package_sample_registers_on_its_emulator()
    {
        var services = new ServiceCollection();
        var emulator = PackageReadmeSamples.Testing(services);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IUserRegistry>().RegisterAsync(Customer("91234567"));

        Assert.That(emulator.Companies.Single().Customers, Has.Count.EqualTo(1));
    }

    internal static NewCustomer Customer(string phone) => new()
    {
        Email = $"ann.{phone}@example.com",
        Phone = new PhoneNumber("+852", phone),
        Password = "S3cure-pass",
        Country = "HK",
    };

    private static async Task<string[]> RunGettingStartedAsync(SandboxServer sandbox, string provider)
    {
        var args = sandbox.ToConfiguration(provider).Select(setting => $"--{setting.Key}={setting.Value}").ToArray();
        // The top-level statements' own method (the entry point proper only waits for it).
        var program = typeof(SignupErrors).Assembly.GetType("Program")!.GetMethod("<Main>$", BindingFlags.Static | BindingFlags.NonPublic)!;
        using var console = new ConsoleCapture();

        await (Task)program.Invoke(null, [args])!;

        // The console logger's lines (the refused registration's warning) come from another thread, in any order.
        return console.Lines().Where(line => !line.StartsWith("warn:", StringComparison.Ordinal) && !line.StartsWith(' ')).ToArray();
    }

    private sealed class RecordingQueue : IReconciliationQueue
    {
        public List<CustomerLookup> Lookups { get; } = [];

        public Task EnqueueAsync(IReadOnlyList<CustomerLookup> lookups, string? traceId, CancellationToken cancellationToken)
        {
            Lookups.AddRange(lookups);
            return Task.CompletedTask;
        }
    }

    private sealed class MemoryAccounts : IUserAccounts
    {
        public Dictionary<string, string> Ids { get; } = [];

        public Task SaveMcCrmIdAsync(string userId, string mcCrmId, CancellationToken cancellationToken)
        {
            Ids[userId] = mcCrmId;
            return Task.CompletedTask;
        }

        public Task<string?> GetMcCrmIdAsync(string userId, CancellationToken cancellationToken) =>
            Task.FromResult(Ids.TryGetValue(userId, out var id) ? id : null);
    }

    /// <summary>What a sample writes to the console, line by line; the console is restored on disposal.</summary>
    private sealed class ConsoleCapture : IDisposable
    {
        private readonly TextWriter _previous = Console.Out;
        private readonly StringWriter _captured = new();

        public ConsoleCapture() => Console.SetOut(_captured);

        public List<string> Lines() =>
            _captured.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

        public void Dispose()
        {
            Console.SetOut(_previous);
            _captured.Dispose();
        }
    }
}
