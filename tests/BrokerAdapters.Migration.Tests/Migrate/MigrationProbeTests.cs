namespace BrokerAdapters.Migration.Tests.Migrate;

public sealed class MigrationProbeTests
{
    private MigrationTestBed _bed = null!;

    [SetUp]
    public void Setup() => _bed = new MigrationTestBed();

    [TearDown]
    public async Task Teardown() => await _bed.DisposeAsync();

    [Test]
    public async Task Probing_McCrm_through_the_mapping_returns_the_migrated_customers()
    {
        var seeded = _bed.SeedSource(7);
        var migrator = new CustomerMigrator(_bed.McCrmTarget, _bed.Options(maxConcurrency: 1));
        await migrator.Apply(_bed.SourceCustomers()).RunToEndAsync();

        var probed = await migrator.ProbeAsync().ToListAsync();

        Assert.That(probed.Select(c => c.Provider), Is.All.EqualTo("McCrm"));
        Assert.That(probed.Select(c => c.Email), Is.EqualTo(seeded.Select(c => c.Email)), "in mapping order, which is the source order here");
        Assert.That(probed.Select(c => c.Phone), Is.EqualTo(seeded.Select(c => c.Phone)));
        Assert.That(probed.Select(c => c.Id), Is.EquivalentTo(_bed.McCrm.Users.Select(u => u.Uid)));
        Assert.That(_bed.McCrm.Requests.Count(r => r.Operation == "user/query/uid"), Is.EqualTo(7));
    }

    [Test]
    public async Task A_Cmfbl_to_McCrm_migration_is_verified_by_diffing_the_source_against_the_probe()
    {
        _bed.SeedSource(6);
        var migrator = new CustomerMigrator(_bed.McCrmTarget, _bed.Options());
        await migrator.Apply(_bed.SourceCustomers()).RunToEndAsync();

        var diff = CustomerDiff.Compare(_bed.SourceCustomers(), migrator.ProbeAsync());
        await foreach (var _ in diff)
        {
        }

        Assert.That(diff.Summary.SourceCount, Is.EqualTo(6));
        Assert.That(diff.Summary.TargetCount, Is.EqualTo(6));
        Assert.That(diff.Summary.Identical + diff.Summary.Changed, Is.EqualTo(6), "every migrated customer is found again");
        Assert.That(diff.Summary.OnlyInSource + diff.Summary.OnlyInTarget + diff.Summary.Ambiguous, Is.Zero);
    }

    [Test]
    public async Task Probing_leaves_out_customers_the_target_no_longer_has_and_those_never_mapped()
    {
        _bed.SeedSource(3);
        _bed.McCrm.Faults.FailNextWithCode(1, "500", "boom", operation: MigrationTestBed.McCrmSignup);
        var migrator = new CustomerMigrator(_bed.McCrmTarget, _bed.Options(maxConcurrency: 1));
        await migrator.Apply(_bed.SourceCustomers()).RunToEndAsync();
        var stranger = Path.Combine(_bed.Directory, "other.jsonl");
        await File.WriteAllTextAsync(stranger, """{"v":1,"type":"result","sourceKey":"9","outcome":"Created","targetId":"00000000000000000000000000000000"}""" + "\n");

        var probed = await migrator.ProbeAsync().ToListAsync();
        var missing = await new CustomerMigrator(_bed.McCrmTarget, new MigrationOptions { JournalPath = stranger }).ProbeAsync().ToListAsync();

        Assert.That(probed, Has.Count.EqualTo(2));
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public async Task Probing_a_Cmfbl_target_finds_by_number()
    {
        var seeded = _bed.SeedSource(3);
        var migrator = new CustomerMigrator(_bed.CmfblTarget, _bed.Options(maxConcurrency: 1));
        await migrator.Apply(_bed.SourceCustomers()).RunToEndAsync();

        var probed = await migrator.ProbeAsync().ToListAsync();

        Assert.That(probed.Select(c => c.Number), Is.EqualTo(_bed.Company361.Customers.Select(c => c.CustomerNo)));
        Assert.That(probed.Select(c => c.Country), Is.EqualTo(seeded.Select(c => c.Country)));
    }

    [Test]
    public async Task Probing_keeps_to_the_configured_concurrency()
    {
        _bed.SeedSource(10);
        await new CustomerMigrator(_bed.McCrmTarget, _bed.Options()).Apply(_bed.SourceCustomers()).RunToEndAsync();
        var tracking = new TrackingRegistry(_bed.McCrmTarget, TimeSpan.FromMilliseconds(15));

        var probed = await new CustomerMigrator(tracking, _bed.Options(maxConcurrency: 2)).ProbeAsync().ToListAsync();

        Assert.That(probed, Has.Count.EqualTo(10));
        Assert.That(tracking.MaxInFlight, Is.EqualTo(2));
    }

    [Test]
    public void Probing_needs_a_journal_and_a_target_that_finds_by_id_or_number()
    {
        var cannotFind = new TrackingRegistry(new UserRegistryDescriptor("Acme", UserRegistryCapabilities.Register));

        Assert.That(() => new CustomerMigrator(_bed.McCrmTarget).ProbeAsync(), Throws.InvalidOperationException.With.Message.Contains("JournalPath"));
        var error = Assert.Throws<UserRegistryException>(() => new CustomerMigrator(cannotFind, _bed.Options()).ProbeAsync());
        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.NotSupported));
    }
}
