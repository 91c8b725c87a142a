using static BrokerAdapters.Migration.Tests.Migrate.MigrationTestData;

namespace BrokerAdapters.Migration.Tests.Migrate;

public sealed class MigrationApplyTests
{
    private MigrationTestBed _bed = null!;

    [SetUp]
    public void Setup() => _bed = new MigrationTestBed();

    [TearDown]
    public async Task Teardown() => await _bed.DisposeAsync();

    [Test]
    public async Task Apply_Cmfbl_company_360_to_361_creates_every_customer_with_its_fields()
    {
        var seeded = _bed.SeedSource(8);
        var run = new CustomerMigrator(_bed.CmfblTarget, _bed.Options()).Apply(_bed.SourceCustomers());

        var results = await run.ToListAsync();

        Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(MigrationOutcome.Created));
        var created = _bed.Company361.Customers;
        Assert.That(created.Select(c => (c.Email, MigrationTestBed.Phone(c), c.Country, c.ThirdServerCode)),
            Is.EquivalentTo(seeded.Select(c => (c.Email, c.Phone!.E164, c.Country!, c.ExternalId))));
        Assert.That(results.Select(r => r.TargetNumber), Is.EquivalentTo(created.Select(c => c.CustomerNo)));
        Assert.That(run.Summary.Status, Is.EqualTo(MigrationRunStatus.Completed));
        Assert.That(run.Summary.Created, Is.EqualTo(8));
        Assert.That(run.Summary.Read, Is.EqualTo(8));
    }

    [Test]
    public async Task The_generated_passwords_log_the_migrated_Cmfbl_customers_in()
    {
        var seeded = _bed.SeedSource(5);

        await new CustomerMigrator(_bed.CmfblTarget, _bed.Options()).Apply(_bed.SourceCustomers()).RunToEndAsync();

        var rows = _bed.PasswordRows();
        Assert.That(rows, Has.Count.EqualTo(5));
        Assert.That(rows.Select(r => r["status"]), Is.All.EqualTo("created"));
        foreach (var row in rows)
        {
            var target = _bed.Company361.Customers.Single(c => c.CustomerNo == row["targetNumber"]);
            Assert.That(row["targetId"], Is.EqualTo(target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(row["password"], Has.Length.EqualTo(16));
            var login = await _bed.CmfblTarget.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByPhone(new PhoneNumber(target.PhoneArea, target.Phone)), row["password"]));
            Assert.That(login.Customer.Number, Is.EqualTo(target.CustomerNo));
        }

        var sourceIds = _bed.Company360.Customers.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(rows.Select(r => r["sourceKey"]), Is.EquivalentTo(sourceIds));
        Assert.That(seeded, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task Apply_Cmfbl_to_McCrm_creates_every_customer_and_the_passwords_match()
    {
        var seeded = _bed.SeedSource(6);

        var summary = await new CustomerMigrator(_bed.McCrmTarget, _bed.Options()).Apply(_bed.SourceCustomers()).RunToEndAsync();

        Assert.That(summary.Created, Is.EqualTo(6));
        var users = _bed.McCrm.Users;
        Assert.That(users.Select(u => (u.Email, "+" + u.PhoneNumberPrefix + u.PhoneNumber, u.CountryId, u.UserId)),
            Is.EquivalentTo(seeded.Select(c => (c.Email, c.Phone!.E164, c.Country, c.ExternalId))));
        foreach (var row in _bed.PasswordRows())
        {
            var user = users.Single(u => u.Uid == row["targetId"]);
            Assert.That(user.BizCode, Is.EqualTo(row["targetNumber"]));
            Assert.That(user.PasswordMatches(row["password"]), Is.True);
        }
    }

    [Test]
    public async Task Apply_writes_the_mapping_from_source_key_to_target_id_and_number()
    {
        _bed.SeedSource(4);

        await new CustomerMigrator(_bed.McCrmTarget, _bed.Options()).Apply(_bed.SourceCustomers()).RunToEndAsync();

        var mapping = await MigrationJournal.ReadMappingAsync(_bed.JournalPath).ToListAsync();
        Assert.That(mapping, Has.Count.EqualTo(4));
        foreach (var entry in mapping)
        {
            var source = _bed.Company360.Customers.Single(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == entry.SourceKey);
            var user = _bed.McCrm.Users.Single(u => u.Uid == entry.TargetId);
            Assert.That(user.Email, Is.EqualTo(source.Email));
            Assert.That(entry.SourceNumber, Is.EqualTo(source.CustomerNo));
            Assert.That(entry.TargetNumber, Is.EqualTo(user.BizCode));
            Assert.That(entry.Created, Is.True);
        }
    }

    [Test]
    public async Task A_second_run_creates_nothing_and_skips_every_customer_as_already_migrated()
    {
        _bed.SeedSource(5);
        await new CustomerMigrator(_bed.CmfblTarget, _bed.Options()).Apply(_bed.SourceCustomers()).RunToEndAsync();
        _bed.Cmfbl.ClearRequests();

        var second = new CustomerMigrator(_bed.CmfblTarget, _bed.Options()).Apply(_bed.SourceCustomers());
        var results = await second.ToListAsync();

        Assert.That(results.Select(r => r.SkipReason), Is.All.EqualTo(MigrationSkipReason.AlreadyMigrated));
        Assert.That(results.Select(r => r.TargetNumber), Is.EquivalentTo(_bed.Company361.Customers.Select(c => c.CustomerNo)));
        Assert.That(_bed.Company361.Customers, Has.Count.EqualTo(5));
        Assert.That(_bed.Cmfbl.Requests.Select(r => r.Operation), Has.None.EqualTo(MigrationTestBed.CmfblCreate));
        Assert.That(second.Summary.AlreadyMigrated, Is.EqualTo(5));
        Assert.That(_bed.PasswordRows(), Has.Count.EqualTo(5));
    }

    [Test]
    public async Task A_registration_the_target_refuses_as_a_duplicate_is_skipped_as_already_existing()
    {
        var seeded = _bed.SeedSource(3);
        _bed.McCrm.Seed(seeded[1] with { Password = "Existing-1" });

        var run = new CustomerMigrator(_bed.McCrmTarget, _bed.Options()).Apply(_bed.SourceCustomers());
        var results = (await run.ToListAsync()).OrderBy(r => r.Index).ToList();

        Assert.That(results.Select(r => r.Outcome), Is.EqualTo(new[] { MigrationOutcome.Created, MigrationOutcome.Skipped, MigrationOutcome.Created }));
        Assert.That(results[1].SkipReason, Is.EqualTo(MigrationSkipReason.AlreadyExists));
        Assert.That(results[1].Detail, Does.StartWith("the target refused the registration as a duplicate"));
        Assert.That(_bed.McCrm.Users, Has.Count.EqualTo(3));
        Assert.That(_bed.McCrm.Users.Single(u => u.Email == seeded[1].Email).PasswordMatches("Existing-1"), Is.True);
        Assert.That(_bed.PasswordRows().Select(r => r["sourceKey"]), Has.No.Member(results[1].SourceKey));
        Assert.That(run.Summary.AlreadyExists, Is.EqualTo(1));

        var mapping = await MigrationJournal.ReadMappingAsync(_bed.JournalPath).ToListAsync();
        Assert.That(mapping.Single(m => m.SourceKey == results[1].SourceKey).Created, Is.False);
    }

    [Test]
    public async Task With_lookups_off_a_Cmfbl_duplicate_is_refused_by_the_target_and_skipped()
    {
        var seeded = _bed.SeedSource(2);
        _bed.Company361.Seed(seeded[0]);
        var options = new MigrationOptions { JournalPath = _bed.JournalPath, Passwords = MigrationPasswordPolicy.Generate(_bed.PasswordsPath), LookUpExisting = false };

        var results = (await new CustomerMigrator(_bed.CmfblTarget, options).Apply(_bed.SourceCustomers()).ToListAsync()).OrderBy(r => r.Index).ToList();

        Assert.That(results[0].SkipReason, Is.EqualTo(MigrationSkipReason.AlreadyExists));
        Assert.That(results[0].Detail, Is.EqualTo("the target refused the registration as a duplicate (USCUSTOMER_API_0000106)."));
        Assert.That(results[1].Outcome, Is.EqualTo(MigrationOutcome.Created));
    }

    [Test]
    public async Task A_customer_found_by_a_lookup_is_skipped_without_a_registration_and_journaled()
    {
        var seeded = _bed.SeedSource(2);
        _bed.Company361.Seed(seeded[0]);
        _bed.Cmfbl.ClearRequests();

        var results = (await new CustomerMigrator(_bed.CmfblTarget, _bed.Options()).Apply(_bed.SourceCustomers()).ToListAsync()).OrderBy(r => r.Index).ToList();

        Assert.That(results[0].SkipReason, Is.EqualTo(MigrationSkipReason.AlreadyExists));
        Assert.That(results[0].Detail, Is.EqualTo("exists by Email."));
        Assert.That(_bed.Cmfbl.Requests.Count(r => r.Operation == MigrationTestBed.CmfblCreate), Is.EqualTo(1));
        Assert.That(_bed.Company361.Customers, Has.Count.EqualTo(2));
        var mapping = await MigrationJournal.ReadMappingAsync(_bed.JournalPath).ToListAsync();
        Assert.That(mapping.Select(m => m.SourceKey), Is.EquivalentTo(results.Select(r => r.SourceKey)));
    }

    [Test]
    public async Task Customers_that_cannot_be_created_are_skipped_with_reasons_and_never_attempted()
    {
        var acme = new TrackingRegistry(_bed.CmfblTarget);
        var source = Stream(Customer("1", email: "ann@example.com", phone: "91000001"), Customer("2", email: "bob@example.com"));

        var run = new CustomerMigrator(acme, _bed.Options()).Apply(source);
        var results = (await run.ToListAsync()).OrderBy(r => r.Index).ToList();

        Assert.That(results[1].Outcome, Is.EqualTo(MigrationOutcome.Skipped));
        Assert.That(results[1].SkipReason, Is.EqualTo(MigrationSkipReason.CannotCreate));
        Assert.That(results[1].Problems.Single().Field, Is.EqualTo("Phone"));
        Assert.That(acme.Registrations, Is.EqualTo(1));
        Assert.That(_bed.Text(_bed.JournalPath), Does.Not.Contain("\"sourceKey\":\"2\""));
        Assert.That(run.Summary.CannotCreate, Is.EqualTo(1));
        Assert.That(run.Summary.Attempted, Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_row_carries_the_error_kind_provider_code_and_trace_id()
    {
        _bed.SeedSource(3);
        // Refused at the gateway before dispatch: a definite failure, unlike G500 on a write (outcome unknown).
        _bed.Cmfbl.Faults.FailNextWithCode(1, "GGATEWAY_CODE_012", "Service busy", operation: MigrationTestBed.CmfblCreate);

        var run = new CustomerMigrator(_bed.CmfblTarget, _bed.Options(maxConcurrency: 1)).Apply(_bed.SourceCustomers());
        var results = await run.ToListAsync();

        var failed = results.Single(r => r.Outcome == MigrationOutcome.Failed);
        Assert.That(failed.ErrorKind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(failed.ProviderCode, Is.EqualTo("GGATEWAY_CODE_012"));
        Assert.That(failed.TraceId, Is.Not.Null.And.Not.Empty);
        Assert.That(failed.Message, Does.Contain("Service busy"));
        Assert.That(failed.NeedsReconciliation, Is.False);
        Assert.That(run.Summary.Created, Is.EqualTo(2));
        Assert.That(run.Summary.Failed, Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_lookup_fails_the_row_without_registering_it_and_the_next_run_retries()
    {
        var seeded = _bed.SeedSource(2);
        _bed.Cmfbl.Faults.FailNextWithCode(1, "GGATEWAY_CODE_012", operation: "customer.app.CustomerWebApiService.checkCustomerExist");

        var results = (await new CustomerMigrator(_bed.CmfblTarget, _bed.Options(maxConcurrency: 1)).Apply(_bed.SourceCustomers()).ToListAsync()).OrderBy(r => r.Index).ToList();
        var second = await new CustomerMigrator(_bed.CmfblTarget, _bed.Options()).Apply(_bed.SourceCustomers()).RunToEndAsync();

        Assert.That(results[0].Outcome, Is.EqualTo(MigrationOutcome.Failed));
        Assert.That(results[0].ErrorKind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(results[0].ProviderCode, Is.EqualTo("GGATEWAY_CODE_012"));
        Assert.That(results[1].Outcome, Is.EqualTo(MigrationOutcome.Created));
        Assert.That((second.Created, second.AlreadyMigrated), Is.EqualTo((1L, 1L)));
        Assert.That(_bed.Company361.Customers.Select(c => c.Email), Is.EquivalentTo(seeded.Select(c => c.Email)));
    }

    [Test]
    public async Task A_registration_whose_answer_was_lost_and_recovered_is_Created_once_with_the_recovery_noted()
    {
        var seeded = _bed.SeedSource(3);
        _bed.Cmfbl.Faults.DropNextResponses(1, operation: MigrationTestBed.CmfblCreate);

        var run = new CustomerMigrator(_bed.CmfblTarget, _bed.Options(maxConcurrency: 1)).Apply(_bed.SourceCustomers());
        var results = await run.ToListAsync();

        Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(MigrationOutcome.Created));
        Assert.That(results.Count(r => r.Detail is not null && r.Detail.StartsWith("recovered:", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(run.Summary.NeedsReconciliation, Is.Zero);
        Assert.That(_bed.Company361.Customers.Select(c => c.Email), Is.EquivalentTo(seeded.Select(c => c.Email)), "no duplicate");
        Assert.That(_bed.Cmfbl.Requests.Count(r => r.Operation == MigrationTestBed.CmfblCreate), Is.EqualTo(3));
    }

    [Test]
    public async Task The_failure_threshold_by_count_stops_the_run_early()
    {
        _bed.SeedSource(20);
        _bed.Cmfbl.Faults.FailNextWithCode(100, "GGATEWAY_CODE_012", operation: MigrationTestBed.CmfblCreate);
        var options = new MigrationOptions
        {
            JournalPath = _bed.JournalPath,
            Passwords = MigrationPasswordPolicy.Generate(_bed.PasswordsPath),
            MaxConcurrency = 1,
            FailureThreshold = new MigrationFailureThreshold { MaxFailures = 3 },
        };

        var run = new CustomerMigrator(_bed.CmfblTarget, options).Apply(_bed.SourceCustomers());
        var results = await run.ToListAsync();

        Assert.That(run.Summary.Status, Is.EqualTo(MigrationRunStatus.StoppedByFailureThreshold));
        Assert.That(results, Has.Count.EqualTo(4));
        Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(MigrationOutcome.Failed));
        Assert.That(_bed.Cmfbl.Requests.Count(r => r.Operation == MigrationTestBed.CmfblCreate), Is.EqualTo(4));
        Assert.That(_bed.Company361.Customers, Is.Empty);
    }

    [Test]
    public async Task The_failure_threshold_by_percentage_waits_for_the_minimum_sample()
    {
        _bed.SeedSource(30);
        _bed.Cmfbl.Faults.FailNextWithCode(100, "GGATEWAY_CODE_012", operation: MigrationTestBed.CmfblCreate);
        var options = new MigrationOptions
        {
            JournalPath = _bed.JournalPath,
            Passwords = MigrationPasswordPolicy.Generate(_bed.PasswordsPath),
            MaxConcurrency = 2,
            FailureThreshold = new MigrationFailureThreshold { MaxFailurePercent = 50, MinimumSample = 10 },
        };

        var run = new CustomerMigrator(_bed.CmfblTarget, options).Apply(_bed.SourceCustomers());
        await run.RunToEndAsync();

        Assert.That(run.Summary.Status, Is.EqualTo(MigrationRunStatus.StoppedByFailureThreshold));
        Assert.That(run.Summary.Failed, Is.InRange(10, 11), "stops once the sample is reached; one more may be in flight");
        Assert.That(_bed.Cmfbl.Requests.Count(r => r.Operation == MigrationTestBed.CmfblCreate), Is.EqualTo(run.Summary.Failed));
    }

    [Test]
    public async Task Registrations_never_exceed_the_configured_concurrency()
    {
        _bed.SeedSource(16);
        var tracking = new TrackingRegistry(_bed.McCrmTarget, TimeSpan.FromMilliseconds(20));

        var summary = await new CustomerMigrator(tracking, _bed.Options(maxConcurrency: 3)).Apply(_bed.SourceCustomers()).RunToEndAsync();

        Assert.That(summary.Created, Is.EqualTo(16));
        Assert.That(tracking.MaxInFlight, Is.EqualTo(3));
    }

    [Test]
    public async Task Progress_reports_counts_and_a_rate_after_each_row()
    {
        _bed.SeedSource(6);
        var reports = new List<MigrationProgress>();
        var options = new MigrationOptions
        {
            JournalPath = _bed.JournalPath,
            Passwords = MigrationPasswordPolicy.Generate(_bed.PasswordsPath),
            Progress = new SynchronousProgress<MigrationProgress>(reports.Add),
            MaxConcurrency = 1,
        };

        var summary = await new CustomerMigrator(_bed.McCrmTarget, options).Apply(_bed.SourceCustomers()).RunToEndAsync();

        Assert.That(reports, Has.Count.EqualTo(6));
        Assert.That(reports.Select(r => r.Processed), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6 }));
        var last = reports[^1];
        Assert.That(last.Created, Is.EqualTo(6));
        Assert.That(last.RowsPerSecond, Is.GreaterThan(0));
        Assert.That(summary.Elapsed, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public void Apply_needs_a_journal_and_a_password_policy()
    {
        var source = Stream();

        Assert.That(() => new CustomerMigrator(_bed.McCrmTarget, new MigrationOptions { Passwords = MigrationPasswordPolicy.Generate(_bed.PasswordsPath) }).Apply(source),
            Throws.InvalidOperationException.With.Message.Contains("JournalPath"));
        Assert.That(() => new CustomerMigrator(_bed.McCrmTarget, new MigrationOptions { JournalPath = _bed.JournalPath }).Apply(source),
            Throws.InvalidOperationException.With.Message.Contains("passwords cannot be copied"));
    }

    [Test]
    public async Task A_run_can_be_enumerated_once_and_does_nothing_until_then()
    {
        _bed.SeedSource(1);
        var run = new CustomerMigrator(_bed.McCrmTarget, _bed.Options()).Apply(_bed.SourceCustomers());

        Assert.That(run.Summary.Status, Is.EqualTo(MigrationRunStatus.NotStarted));
        Assert.That(File.Exists(_bed.JournalPath), Is.False);
        await run.RunToEndAsync();

        Assert.That(() => run.GetAsyncEnumerator(), Throws.InvalidOperationException);
    }

    [Test]
    public async Task A_journal_in_use_by_another_run_is_refused()
    {
        _bed.SeedSource(2);
        var tracking = new TrackingRegistry(_bed.McCrmTarget, TimeSpan.FromMilliseconds(200));
        var first = new CustomerMigrator(tracking, _bed.Options()).Apply(_bed.SourceCustomers());
        await using var running = first.GetAsyncEnumerator();
        var firstRow = running.MoveNextAsync();
        while (tracking.Registrations == 0)
        {
            await Task.Delay(5);
        }

        var second = new CustomerMigrator(_bed.McCrmTarget, _bed.Options()).Apply(_bed.SourceCustomers());

        await Assert.ThatAsync(() => second.RunToEndAsync(), Throws.InstanceOf<IOException>());
        Assert.That(await firstRow, Is.True);
        Assert.That(second.Summary.Status, Is.EqualTo(MigrationRunStatus.Faulted));
    }

    /// <summary>Reports on the caller's thread, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _lock = new();

        public void Report(T value)
        {
            lock (_lock)
            {
                report(value);
            }
        }
    }
}
