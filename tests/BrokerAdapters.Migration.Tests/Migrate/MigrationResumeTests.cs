using System.Globalization;

namespace BrokerAdapters.Migration.Tests.Migrate;

public sealed class MigrationResumeTests
{
    private MigrationTestBed _bed = null!;

    [SetUp]
    public void Setup() => _bed = new MigrationTestBed();

    [TearDown]
    public async Task Teardown() => await _bed.DisposeAsync();

    [Test]
    public async Task Resuming_after_a_cancellation_creates_each_Cmfbl_customer_exactly_once()
    {
        var seeded = _bed.SeedSource(20);
        var target = new TrackingRegistry(_bed.CmfblTarget, TimeSpan.FromMilliseconds(10));

        var first = await CancelAfterAsync(new CustomerMigrator(target, _bed.Options(maxConcurrency: 3)).Apply(_bed.SourceCustomers()), rows: 5);
        var createdFirst = _bed.Company361.Customers.Count;
        var second = await new CustomerMigrator(target, _bed.Options(maxConcurrency: 3)).Apply(_bed.SourceCustomers()).RunToEndAsync();

        Assert.That(first.Status, Is.EqualTo(MigrationRunStatus.Cancelled));
        Assert.That(createdFirst, Is.InRange(5, 19), "interrupted part-way");
        Assert.That(second.AlreadyMigrated, Is.EqualTo(createdFirst));
        Assert.That(second.Created, Is.EqualTo(20 - createdFirst));
        Assert.That(target.Registrations, Is.EqualTo(20), "no customer was sent twice");
        Assert.That(_bed.Company361.Customers.Select(c => c.Email), Is.EquivalentTo(seeded.Select(c => c.Email)), "each source customer exactly once");
        Assert.That(_bed.PasswordRows().Select(r => r["sourceKey"]).ToList(), Is.Unique.And.Count.EqualTo(20));
    }

    [Test]
    public async Task Resuming_after_a_cancellation_creates_each_McCrm_customer_exactly_once()
    {
        var seeded = _bed.SeedSource(15);
        var target = new TrackingRegistry(_bed.McCrmTarget, TimeSpan.FromMilliseconds(10));

        await CancelAfterAsync(new CustomerMigrator(target, _bed.Options(maxConcurrency: 4)).Apply(_bed.SourceCustomers()), rows: 3);
        var second = await new CustomerMigrator(target, _bed.Options(maxConcurrency: 4)).Apply(_bed.SourceCustomers()).RunToEndAsync();

        Assert.That(second.Failed, Is.Zero);
        Assert.That(second.NeedsReconciliation, Is.Zero, "in-flight registrations finished before the cancellation took effect");
        Assert.That(target.Registrations, Is.EqualTo(15));
        Assert.That(_bed.McCrm.Users.Select(u => u.Email), Is.EquivalentTo(seeded.Select(c => c.Email)));
    }

    [TestCase("GGATEWAY_CODE_012", TestName = "Resuming_after_definite_failures_retries_only_the_failed_rows")]
    [TestCase(null, TestName = "Resuming_after_failures_of_unknown_outcome_reconciles_then_retries_only_those_rows")]
    public async Task Resuming_after_injected_failures_retries_only_the_failed_rows(string? code)
    {
        var seeded = _bed.SeedSource(10);
        IUserRegistry target = _bed.CmfblTarget;
        if (code is null)
        {
            // Failures of unknown outcome that the registry could not resolve by checking, and that changed nothing.
            target = new LostAnswerRegistry(target, count: 3, applied: false);
        }
        else
        {
            _bed.Cmfbl.Faults.FailNextWithCode(3, code, operation: MigrationTestBed.CmfblCreate);
        }

        var first = await new CustomerMigrator(target, _bed.Options(maxConcurrency: 2)).Apply(_bed.SourceCustomers()).RunToEndAsync();
        _bed.Cmfbl.ClearRequests();
        var second = await new CustomerMigrator(_bed.CmfblTarget, _bed.Options(maxConcurrency: 2)).Apply(_bed.SourceCustomers()).RunToEndAsync();

        Assert.That((first.Created, first.Failed), Is.EqualTo((7L, 3L)));
        Assert.That((second.Created, second.AlreadyMigrated), Is.EqualTo((3L, 7L)));
        Assert.That(_bed.Cmfbl.Requests.Count(r => r.Operation == MigrationTestBed.CmfblCreate), Is.EqualTo(3));
        Assert.That(_bed.Company361.Customers.Select(c => c.Email), Is.EquivalentTo(seeded.Select(c => c.Email)));
    }

    [Test]
    public async Task A_lost_answer_that_could_not_be_checked_is_reconciled_on_resume_without_a_duplicate_and_its_password_works()
    {
        var seeded = _bed.SeedSource(4);
        var lost = new LostAnswerRegistry(_bed.CmfblTarget, count: 1, applied: true);

        var first = new CustomerMigrator(lost, _bed.Options(maxConcurrency: 1)).Apply(_bed.SourceCustomers());
        var firstResults = await first.ToListAsync();
        var dropped = firstResults.Single(r => r.Outcome == MigrationOutcome.Failed);
        var resumed = (await new CustomerMigrator(_bed.CmfblTarget, _bed.Options()).Apply(_bed.SourceCustomers()).ToListAsync())
            .Single(r => r.SourceKey == dropped.SourceKey);

        Assert.That(dropped.ErrorKind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(dropped.NeedsReconciliation, Is.True);
        Assert.That(first.Summary.NeedsReconciliation, Is.EqualTo(1));
        Assert.That(resumed.SkipReason, Is.EqualTo(MigrationSkipReason.AlreadyExists));
        Assert.That(resumed.Detail, Does.StartWith("reconciled: exists by"));
        Assert.That(_bed.Company361.Customers.Select(c => c.Email), Is.EquivalentTo(seeded.Select(c => c.Email)), "no duplicate");

        var passwordRow = _bed.PasswordRows().Single(r => r["sourceKey"] == dropped.SourceKey);
        Assert.That(passwordRow["status"], Is.EqualTo("unknown"));
        Assert.That(passwordRow["targetId"], Is.Empty);
        var customer = _bed.Company361.Customers.Single(c => c.Email == dropped.Source.Email);
        Assert.That(customer.PasswordMatches(passwordRow["password"]), Is.True, "the password of an in-doubt registration is kept");
    }

    [Test]
    public async Task A_dropped_response_into_McCrm_needs_manual_reconciliation_and_is_not_registered_again()
    {
        _bed.SeedSource(3);
        _bed.McCrm.Faults.DropNextResponses(1, operation: MigrationTestBed.McCrmSignup);
        await new CustomerMigrator(_bed.McCrmTarget, _bed.Options(maxConcurrency: 1)).Apply(_bed.SourceCustomers()).RunToEndAsync();
        _bed.McCrm.ClearRequests();

        var second = new CustomerMigrator(_bed.McCrmTarget, _bed.Options()).Apply(_bed.SourceCustomers());
        var results = await second.ToListAsync();

        var inDoubt = results.Single(r => r.Outcome == MigrationOutcome.Failed);
        Assert.That(inDoubt.NeedsReconciliation, Is.True);
        Assert.That(inDoubt.ErrorKind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(inDoubt.Message, Does.Contain("check the target by hand"));
        Assert.That(_bed.McCrm.Requests, Is.Empty, "nothing is registered again");
        Assert.That(_bed.McCrm.Users, Has.Count.EqualTo(3));
        Assert.That(second.Summary.Status, Is.EqualTo(MigrationRunStatus.Completed), "leftovers of an earlier run do not count towards the threshold");
    }

    [Test]
    public async Task RetryInDoubt_sends_an_in_doubt_registration_again_and_the_duplicate_is_skipped()
    {
        _bed.SeedSource(2);
        _bed.McCrm.Faults.DropNextResponses(1, operation: MigrationTestBed.McCrmSignup);
        await new CustomerMigrator(_bed.McCrmTarget, _bed.Options(maxConcurrency: 1)).Apply(_bed.SourceCustomers()).RunToEndAsync();
        var options = new MigrationOptions { JournalPath = _bed.JournalPath, Passwords = MigrationPasswordPolicy.Generate(_bed.PasswordsPath), RetryInDoubt = true };

        var results = await new CustomerMigrator(_bed.McCrmTarget, options).Apply(_bed.SourceCustomers()).ToListAsync();

        var retried = results.Single(r => r.SkipReason != MigrationSkipReason.AlreadyMigrated);
        Assert.That(retried.SkipReason, Is.EqualTo(MigrationSkipReason.AlreadyExists));
        Assert.That(_bed.McCrm.Users, Has.Count.EqualTo(2));
        var third = await new CustomerMigrator(_bed.McCrmTarget, _bed.Options()).Apply(_bed.SourceCustomers()).RunToEndAsync();
        Assert.That(third.AlreadyMigrated, Is.EqualTo(2), "the journal now records it as existing");
    }

    [Test]
    public async Task A_crash_after_the_attempt_line_is_reconciled_before_anything_is_registered_again()
    {
        var seeded = _bed.SeedSource(3);
        var sources = _bed.Company360.Customers;
        _bed.Company361.Seed(seeded[0]);   // the crashed run's registration had gone through
        // The state a crash leaves: attempt lines, no results (customer 2's registration never reached the target).
        await File.WriteAllTextAsync(_bed.JournalPath, string.Join('\n',
            """{"v":1,"type":"run","at":"2025-01-01T00:00:00+00:00","run":"r1","target":"Cmfbl"}""",
            $$"""{"v":1,"type":"attempt","at":"2025-01-01T00:00:01+00:00","run":"r1","sourceKey":"{{Key(sources[0])}}"}""",
            $$"""{"v":1,"type":"attempt","at":"2025-01-01T00:00:01+00:00","run":"r1","sourceKey":"{{Key(sources[1])}}"}""") + "\n");

        var results = (await new CustomerMigrator(_bed.CmfblTarget, _bed.Options()).Apply(_bed.SourceCustomers()).ToListAsync()).OrderBy(r => r.Index).ToList();

        Assert.That(results.Select(r => (r.Outcome, r.SkipReason)), Is.EqualTo(new (MigrationOutcome, MigrationSkipReason?)[]
        {
            (MigrationOutcome.Skipped, MigrationSkipReason.AlreadyExists),
            (MigrationOutcome.Created, null),
            (MigrationOutcome.Created, null),
        }));
        Assert.That(results[1].Detail, Does.StartWith("reconciled: an earlier registration's outcome was unknown"));
        Assert.That(_bed.Company361.Customers.Select(c => c.Email), Is.EquivalentTo(seeded.Select(c => c.Email)));
    }

    [Test]
    public async Task A_torn_last_journal_line_is_ignored_and_removed_by_the_next_run()
    {
        _bed.SeedSource(2);
        await new CustomerMigrator(_bed.CmfblTarget, _bed.Options()).Apply(_bed.SourceCustomers()).RunToEndAsync();
        await File.AppendAllTextAsync(_bed.JournalPath, """{"v":1,"type":"res""");

        var mapping = await MigrationJournal.ReadMappingAsync(_bed.JournalPath).ToListAsync();
        var second = await new CustomerMigrator(_bed.CmfblTarget, _bed.Options()).Apply(_bed.SourceCustomers()).RunToEndAsync();

        Assert.That(mapping, Has.Count.EqualTo(2));
        Assert.That(second.AlreadyMigrated, Is.EqualTo(2));
        var records = (await File.ReadAllLinesAsync(_bed.JournalPath)).Select(Newtonsoft.Json.Linq.JObject.Parse).ToList();
        Assert.That(records.Count(r => (string?)r["type"] == "run"), Is.EqualTo(2), "every line is whole again; the torn one is gone");
    }

    [Test]
    public async Task A_corrupt_journal_line_is_reported_by_number_without_its_content()
    {
        await File.WriteAllTextAsync(_bed.JournalPath, "secret-looking garbage\n" + """{"v":1,"type":"run"}""" + "\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await MigrationJournal.ReadMappingAsync(_bed.JournalPath).ToListAsync());

        Assert.That(error!.Message, Does.Contain("Line 1").And.Not.Contain("garbage"));
    }

    [Test]
    public async Task A_failure_while_reading_the_source_ends_the_run_after_journaling_what_was_done()
    {
        _bed.SeedSource(3);

        var run = new CustomerMigrator(_bed.McCrmTarget, _bed.Options(maxConcurrency: 1)).Apply(FailsAfter(_bed.SourceCustomers(), 2));
        var seen = new List<MigrationResult>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var result in run)
            {
                seen.Add(result);
            }
        });

        Assert.That(error!.Message, Is.EqualTo("source broke"));
        Assert.That(run.Summary.Status, Is.EqualTo(MigrationRunStatus.Faulted));
        Assert.That(_bed.McCrm.Users, Has.Count.EqualTo(2));
        Assert.That(await MigrationJournal.ReadMappingAsync(_bed.JournalPath).ToListAsync(), Has.Count.EqualTo(2));

        static async IAsyncEnumerable<Customer> FailsAfter(IAsyncEnumerable<Customer> source, int count)
        {
            var i = 0;
            await foreach (var customer in source)
            {
                if (i++ == count)
                {
                    throw new InvalidOperationException("source broke");
                }

                yield return customer;
            }
        }
    }

    private static string Key(Testing.CmfblEmulatedCustomer customer) => customer.Id.ToString(CultureInfo.InvariantCulture);

    private static async Task<MigrationSummary> CancelAfterAsync(MigrationRun run, int rows)
    {
        using var cancellation = new CancellationTokenSource();
        var seen = 0;
        await Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in run.WithCancellation(cancellation.Token))
            {
                if (++seen == rows)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        return run.Summary;
    }
}
