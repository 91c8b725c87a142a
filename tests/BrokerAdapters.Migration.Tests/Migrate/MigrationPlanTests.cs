using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using static BrokerAdapters.Migration.Tests.Migrate.MigrationTestData;

namespace BrokerAdapters.Migration.Tests.Migrate;

public sealed class MigrationPlanTests
{
    private MigrationTestBed _bed = null!;

    [SetUp]
    public void Setup() => _bed = new MigrationTestBed();

    [TearDown]
    public async Task Teardown() => await _bed.DisposeAsync();

    [Test]
    public async Task Plan_into_Cmfbl_lists_creatable_rows_and_names_the_missing_phone_and_country()
    {
        var migrator = new CustomerMigrator(_bed.CmfblTarget);

        var plan = await migrator.PlanAsync(Stream(
            Customer("1", email: "ann@example.com", phone: "91000001"),
            Customer("2", email: "bob@example.com"),
            Customer("3", email: "cy@example.com", phone: "91000003", country: null))).ToListAsync();

        Assert.That(plan.Select(r => r.Action), Is.EqualTo(new[] { MigrationPlanAction.Create, MigrationPlanAction.CannotCreate, MigrationPlanAction.CannotCreate }));
        Assert.That(plan[0].ToCreate!.Email, Is.EqualTo("ann@example.com"));
        Assert.That(plan[0].ToCreate!.Password, Is.Null);
        Assert.That(plan[1].Problems.Select(p => p.Field), Is.EqualTo(new[] { "Phone" }));
        Assert.That(plan[1].Problems[0].Message, Does.Contain("Cmfbl requires a phone number"));
        Assert.That(plan[2].Problems.Select(p => p.Field), Is.EqualTo(new[] { "Country" }));
    }

    [Test]
    public async Task Plan_into_McCrm_needs_an_email_or_a_phone()
    {
        var migrator = new CustomerMigrator(_bed.McCrmTarget);

        var plan = await migrator.PlanAsync(Stream(
            Customer("1", email: "ann@example.com", country: null),
            Customer("2", phone: "91000002", country: null),
            Customer("3"))).ToListAsync();

        Assert.That(plan.Select(r => r.Action), Is.EqualTo(new[] { MigrationPlanAction.Create, MigrationPlanAction.Create, MigrationPlanAction.CannotCreate }));
        Assert.That(plan[2].Problems.Single().Message, Does.Contain("McCrm requires an email address or a phone number"));
    }

    [Test]
    public async Task Plan_into_an_unknown_provider_requires_no_fields()
    {
        var acme = new TrackingRegistry(new UserRegistryDescriptor("Acme", UserRegistryCapabilities.Register));
        var migrator = new CustomerMigrator(acme);

        var plan = await migrator.PlanAsync(Stream(Customer("1", country: null))).ToListAsync();

        Assert.That(plan.Single().Action, Is.EqualTo(MigrationPlanAction.Create));
    }

    [Test]
    public async Task Dry_run_changes_nothing_in_the_target()
    {
        _bed.SeedSource(6);
        _bed.McCrm.Seed(FakeCustomersFor(1)[0]);
        _bed.Cmfbl.ClearRequests();

        var cmfblPlan = await new CustomerMigrator(_bed.CmfblTarget, _bed.Options()).PlanAsync(_bed.SourceCustomers()).ToListAsync();
        var mcCrmPlan = await new CustomerMigrator(_bed.McCrmTarget, _bed.Options()).PlanAsync(_bed.SourceCustomers()).ToListAsync();

        Assert.That(cmfblPlan.Count(r => r.Action == MigrationPlanAction.Create), Is.EqualTo(6));
        Assert.That(mcCrmPlan.Count(r => r.Action == MigrationPlanAction.Create), Is.EqualTo(6));
        Assert.That(_bed.Company361.Customers, Is.Empty);
        Assert.That(_bed.McCrm.Users, Has.Count.EqualTo(1));
        Assert.That(_bed.Cmfbl.Requests.Select(r => r.Operation), Has.None.EqualTo(MigrationTestBed.CmfblCreate));
        Assert.That(_bed.McCrm.Requests, Is.Empty);
        Assert.That(File.Exists(_bed.JournalPath), Is.False);
        Assert.That(File.Exists(_bed.PasswordsPath), Is.False);
    }

    [Test]
    public async Task Plan_finds_customers_already_in_a_Cmfbl_target_by_phone_and_by_email()
    {
        var seeded = _bed.SeedSource(3);
        _bed.Company361.Seed(seeded[0] with { Email = "other@example.com" });            // same phone
        _bed.Company361.Seed(seeded[1] with { Phone = new PhoneNumber("+852", "61234567"), ExternalId = null }); // same email

        var plan = await new CustomerMigrator(_bed.CmfblTarget).PlanAsync(_bed.SourceCustomers()).ToListAsync();

        Assert.That(plan.Select(r => r.Action), Is.EqualTo(new[] { MigrationPlanAction.AlreadyExists, MigrationPlanAction.AlreadyExists, MigrationPlanAction.Create }));
        Assert.That(plan[0].Detail, Is.EqualTo("exists by Phone."));
        Assert.That(plan[1].Detail, Is.EqualTo("exists by Email."));
    }

    [Test]
    public async Task Plan_marks_the_customers_of_an_earlier_run_as_already_migrated()
    {
        _bed.SeedSource(4);
        var options = _bed.Options();
        await new CustomerMigrator(_bed.CmfblTarget, options).Apply(_bed.SourceCustomers()).RunToEndAsync();
        _bed.SeedSource(1, firstIndex: 4);

        var plan = await new CustomerMigrator(_bed.CmfblTarget, options).PlanAsync(_bed.SourceCustomers()).ToListAsync();

        Assert.That(plan.Count(r => r.Action == MigrationPlanAction.AlreadyMigrated), Is.EqualTo(4));
        Assert.That(plan.Last().Action, Is.EqualTo(MigrationPlanAction.Create));
        var first = plan.First();
        // Apply registers concurrently, so the target's order need not be the source's: match by email.
        var migrated = _bed.Company361.Customers.Single(c => string.Equals(c.Email, first.Source.Email, StringComparison.OrdinalIgnoreCase));
        Assert.That(first.TargetNumber, Is.EqualTo(migrated.CustomerNo));
        Assert.That(first.Detail, Is.EqualTo("created by an earlier run."));
    }

    [Test]
    public async Task Plan_reports_repeated_source_keys_and_shared_unique_keys_as_duplicates()
    {
        var plan = await new CustomerMigrator(_bed.McCrmTarget).PlanAsync(Stream(
            Customer("1", email: "ann@example.com"),
            Customer("1", email: "ann.again@example.com"),
            Customer("2", email: " ANN@example.com "),
            Customer("3", phone: "91000003", externalId: "x-1"),
            Customer("4", phone: "91000004", externalId: "x-1"))).ToListAsync();

        Assert.That(plan.Select(r => r.Action), Is.EqualTo(new[]
        {
            MigrationPlanAction.Create, MigrationPlanAction.DuplicateInSource, MigrationPlanAction.DuplicateInSource,
            MigrationPlanAction.Create, MigrationPlanAction.DuplicateInSource,
        }));
        Assert.That(plan[1].Detail, Is.EqualTo("the source key appears earlier in the source."));
        Assert.That(plan[2].Detail, Is.EqualTo("shares its Email with source key 1."));
        Assert.That(plan[4].Detail, Is.EqualTo("shares its ExternalId with source key 3."));
    }

    [Test]
    public async Task Plan_with_a_password_file_cannot_create_customers_without_a_usable_entry()
    {
        var file = Path.Combine(_bed.Directory, "given.csv");
        await File.WriteAllTextAsync(file, "sourceKey,password\n1,Fine-pass-1\n2,This-one-is-far-too-long-for-mccrm\n4,   \n");
        var options = new MigrationOptions { Passwords = MigrationPasswordPolicy.FromFile(file) };

        var plan = await new CustomerMigrator(_bed.McCrmTarget, options).PlanAsync(Stream(
            Customer("1", email: "a@example.com"),
            Customer("2", email: "b@example.com"),
            Customer("3", email: "c@example.com"),
            Customer("4", email: "d@example.com"))).ToListAsync();

        Assert.That(plan.Select(r => r.Action), Is.EqualTo(new[]
        {
            MigrationPlanAction.Create, MigrationPlanAction.CannotCreate, MigrationPlanAction.CannotCreate, MigrationPlanAction.CannotCreate,
        }));
        Assert.That(plan[1].Problems.Single().Message, Does.Contain("longer than the 20 characters McCrm accepts"));
        Assert.That(plan[2].Problems.Single().Message, Does.Contain("no entry for this source key"));
        Assert.That(plan[3].Problems.Single().Message, Does.Contain("is empty"));
        Assert.That(string.Join("|", plan.SelectMany(r => r.Problems).Select(p => p.Message)), Does.Not.Contain("far-too-long"));
    }

    [Test]
    public async Task A_failed_lookup_is_planned_as_CheckFailed_with_the_error()
    {
        _bed.SeedSource(2);
        _bed.Cmfbl.Faults.FailNextWithCode(1, "GGATEWAY_CODE_012", "Gateway busy", operation: "customer.app.CustomerWebApiService.checkCustomerExist");

        var plan = await new CustomerMigrator(_bed.CmfblTarget, new MigrationOptions { MaxConcurrency = 1 }).PlanAsync(_bed.SourceCustomers()).ToListAsync();

        Assert.That(plan.Select(r => r.Action), Is.EqualTo(new[] { MigrationPlanAction.CheckFailed, MigrationPlanAction.Create }));
        Assert.That(plan[0].Problems.Single().Field, Is.EqualTo("Email"));
        Assert.That(plan[0].Problems.Single().Message, Does.Contain("failed (Unavailable)").And.Contain("Gateway busy"));
    }

    [Test]
    public async Task Plan_streams_rows_while_the_source_is_still_being_read()
    {
        var read = 0;
        var rows = new List<MigrationPlanRow>();

        await foreach (var row in new CustomerMigrator(_bed.McCrmTarget, new MigrationOptions { MaxConcurrency = 2 }).PlanAsync(Endless()))
        {
            rows.Add(row);
            if (rows.Count == 3)
            {
                break;
            }
        }

        Assert.That(rows.Select(r => r.Index), Is.EqualTo(new[] { 0L, 1L, 2L }));
        Assert.That(read, Is.LessThan(10));

        async IAsyncEnumerable<Customer> Endless([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var i = 0; ; i++)
            {
                await Task.Yield();
                read++;
                yield return Customer("k" + i, email: $"c{i}@example.com");
            }
        }
    }

    [Test]
    public async Task Plan_keeps_the_source_order_while_looking_up_with_bounded_concurrency()
    {
        var seeded = _bed.SeedSource(12);
        var tracking = new TrackingRegistry(new TrackingRegistry(new UserRegistryDescriptor(
            "Acme", UserRegistryCapabilities.Register | UserRegistryCapabilities.Find, findLookups: CustomerLookupKinds.Email)), TimeSpan.FromMilliseconds(15));

        var plan = await new CustomerMigrator(tracking, new MigrationOptions { MaxConcurrency = 3 }).PlanAsync(_bed.SourceCustomers()).ToListAsync();

        Assert.That(plan.Select(r => r.Source.Email), Is.EqualTo(seeded.Select(c => c.Email)));
        Assert.That(tracking.Finds, Is.EqualTo(12));
        Assert.That(tracking.MaxInFlight, Is.EqualTo(3));
    }

    [Test]
    public async Task Plan_written_as_json_lines_has_one_reviewable_row_per_customer()
    {
        var writer = new StringWriter { NewLine = "\n" };

        var counts = await MigrationPlanWriter.WriteJsonLinesAsync(
            new CustomerMigrator(_bed.CmfblTarget).PlanAsync(Stream(
                Customer("1", email: "ann@example.com", phone: "91000001", externalId: "x-1"),
                Customer("2", email: "bob@example.com"))),
            writer);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToArray();
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0].ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
            """{"index":0,"sourceKey":"1","sourceNumber":"N1","email":"ann@example.com","phone":"+85291000001","externalId":"x-1","action":"Create"}"""));
        Assert.That((string?)lines[1]["action"], Is.EqualTo("CannotCreate"));
        Assert.That((string?)lines[1]["problems"]![0]!["field"], Is.EqualTo("Phone"));
        Assert.That(counts[MigrationPlanAction.Create], Is.EqualTo(1));
        Assert.That(counts[MigrationPlanAction.CannotCreate], Is.EqualTo(1));
    }

    [Test]
    public void A_target_that_cannot_register_is_refused_up_front()
    {
        var readOnly = new TrackingRegistry(new UserRegistryDescriptor("Acme", UserRegistryCapabilities.Find | UserRegistryCapabilities.List));

        var error = Assert.Throws<UserRegistryException>(() => _ = new CustomerMigrator(readOnly));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
    }

    [Test]
    public void Invalid_options_are_refused_with_the_setting_named()
    {
        Assert.That(() => new CustomerMigrator(_bed.McCrmTarget, new MigrationOptions { MaxConcurrency = 0 }),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("MaxConcurrency"));
        Assert.That(() => new CustomerMigrator(_bed.McCrmTarget, new MigrationOptions { FailureThreshold = new MigrationFailureThreshold { MaxFailurePercent = 150 } }),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("MaxFailurePercent"));
        Assert.That(() => new CustomerMigrator(_bed.McCrmTarget, new MigrationOptions { Passwords = MigrationPasswordPolicy.Generate(_bed.PasswordsPath, length: 24) }),
            Throws.ArgumentException.With.Message.Contains("McCrm accepts at most 20"));
        Assert.That(() => new CustomerMigrator(_bed.McCrmTarget, new MigrationOptions { JournalPath = _bed.JournalPath, Passwords = MigrationPasswordPolicy.Generate(_bed.JournalPath) }),
            Throws.ArgumentException.With.Message.Contains("must not be the journal"));
    }

    [Test]
    public async Task ListWithDetailsAsync_adds_what_the_Cmfbl_list_leaves_out()
    {
        var seeded = _bed.SeedSource(3);

        var listed = await _bed.Source.ListAsync().ToListAsync();
        var detailed = await _bed.Source.ListWithDetailsAsync().ToListAsync();

        Assert.That(listed.Select(c => c.Country), Is.All.Null, "the premise: CMFBL's page records carry no country");
        Assert.That(detailed.Select(c => c.Country), Is.EqualTo(seeded.Select(c => c.Country)));
        Assert.That(detailed.Select(c => c.ExternalId), Is.EqualTo(seeded.Select(c => c.ExternalId)));
        Assert.That(detailed.Select(c => c.Id), Is.EqualTo(listed.Select(c => c.Id)));
    }

    private static IReadOnlyList<NewCustomer> FakeCustomersFor(int count) => Testing.FakeCustomers.Generate(count, seed: 99, firstIndex: 500);
}
