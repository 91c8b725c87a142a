using static BrokerAdapters.Migration.Tests.Diff.DiffTestData;

namespace BrokerAdapters.Migration.Tests.Diff;

/// <summary>Two CMFBL companies' lists, read through the real library from the emulator, as the two sides of a diff.</summary>
public sealed class CustomerDiffEmulatorTests
{
    private CmfblDiffBed _bed = null!;

    [SetUp]
    public void Setup() => _bed = new CmfblDiffBed();

    [TearDown]
    public void Teardown() => _bed.Dispose();

    [Test]
    public async Task Every_category_is_found_with_exact_counts()
    {
        var results = _bed.Compare();

        var entries = await RunAsync(results);

        var summary = results.Summary;
        Assert.That((summary.SourceCount, summary.TargetCount), Is.EqualTo((10L, 9L)));
        Assert.That(summary.Identical, Is.EqualTo(3), "4, and 6 and 7 after normalisation");
        Assert.That(summary.Changed, Is.EqualTo(2));
        Assert.That(summary.OnlyInSource, Is.EqualTo(4));
        Assert.That(summary.OnlyInTarget, Is.EqualTo(2));
        Assert.That(summary.Ambiguous, Is.EqualTo(1));
        Assert.That(summary.AmbiguousInTarget, Is.EqualTo(2));
        Assert.That(entries.Where(e => e.Category == DiffCategory.OnlyInSource).Select(e => e.Source!.Email), Is.EqualTo(_bed.Customers.Take(4).Select(c => c.Email)));
        Assert.That(entries.Where(e => e.Category == DiffCategory.OnlyInTarget).Select(e => e.Target!.Email), Is.EqualTo(new[] { _bed.Customers[10].Email, _bed.Customers[11].Email }));
    }

    [Test]
    public async Task Changed_customers_carry_the_exact_fields_and_values()
    {
        var entries = await RunAsync(_bed.Compare());

        var changed = entries.Where(e => e.Category == DiffCategory.Changed).ToDictionary(e => e.Source!.Email!);
        var disabled = changed[_bed.Customers[5].Email!];
        var newPhone = changed[_bed.Customers[8].Email!];
        Assert.That(disabled.Changes, Is.EqualTo(new[] { new FieldDifference("Status", "Active", "Disabled") }));
        Assert.That(disabled.MatchKey, Is.EqualTo(MatchKey.Email));
        Assert.That(newPhone.Changes, Is.EqualTo(new[] { new FieldDifference("Phone", "+8529" + "0000008", "+85261234567") }));
        Assert.That(newPhone.Source!.Number, Is.EqualTo(_bed.SourceCompany.Customers[8].CustomerNo));
        Assert.That(newPhone.Target!.Number, Is.EqualTo(_bed.TargetCompany.Customers.Single(c => c.Phone == "61234567").CustomerNo));
        Assert.That(newPhone.Target.Provider, Is.EqualTo("Cmfbl"));
    }

    [Test]
    public async Task Email_case_and_spaces_and_phone_formats_are_normalised()
    {
        var entries = await RunAsync(_bed.Compare());

        var identical = entries.Where(e => e.Category == DiffCategory.Identical).ToDictionary(e => e.Source!.Email!);
        Assert.That(identical.Keys, Is.EquivalentTo(new[] { _bed.Customers[4].Email, _bed.Customers[6].Email, _bed.Customers[7].Email }));
        Assert.That(identical[_bed.Customers[6].Email!].Target!.Email, Is.EqualTo("  " + _bed.Customers[6].Email!.ToUpperInvariant() + " "), "the original value is reported");
        Assert.That(identical[_bed.Customers[7].Email!].Source!.Phone, Is.EqualTo("+4407700900007"));
        Assert.That(identical[_bed.Customers[7].Email!].Target!.Phone, Is.EqualTo("+447700900007"));
    }

    [Test]
    public async Task A_customer_whose_email_and_phone_belong_to_different_customers_is_ambiguous()
    {
        var entries = await RunAsync(_bed.Compare());

        var ambiguous = entries.Single(e => e.Category == DiffCategory.Ambiguous);
        Assert.That(ambiguous.Source!.Email, Is.EqualTo(_bed.Customers[9].Email));
        Assert.That(ambiguous.Ambiguity, Is.EqualTo(AmbiguityReason.ConflictingKeys));
        Assert.That(ambiguous.Candidates.Select(c => (c.Customer.Email, c.Customer.Phone, c.Keys.Single())), Is.EquivalentTo(new[]
        {
            (_bed.Customers[9].Email, "+85262222222", MatchKey.Email),
            ("someone.else@example.com", "+85290000009", MatchKey.Phone),
        }));
        Assert.That(entries.Where(e => e.Category == DiffCategory.OnlyInTarget).Select(e => e.Target!.Email), Has.None.EqualTo("someone.else@example.com"));
    }

    [Test]
    public async Task An_ignored_field_makes_its_change_disappear()
    {
        var results = _bed.Compare(new DiffOptions { IgnoredFields = [.. DiffOptions.DefaultIgnoredFields, "Status"] });

        await RunAsync(results);

        Assert.That((results.Summary.Identical, results.Summary.Changed), Is.EqualTo((4L, 1L)));
        Assert.That(results.Summary.GetFieldChanges().Select(p => p.Key), Is.EqualTo(new[] { "Phone" }));
    }

    [Test]
    public async Task CompareExtra_shows_the_company_each_white_label_reports()
    {
        var entries = await RunAsync(_bed.Compare(new DiffOptions { CompareExtra = true }));
        var ignoringCompany = await RunAsync(_bed.Compare(new DiffOptions { CompareExtra = true, IgnoredFields = [.. DiffOptions.DefaultIgnoredFields, "Extra.companyId"] }));

        var same = entries.Single(e => e.Source?.Email == _bed.Customers[4].Email);
        Assert.That(same.Category, Is.EqualTo(DiffCategory.Changed));
        Assert.That(same.Changes, Is.EqualTo(new[] { new FieldDifference("Extra.companyId", "360", "361") }));
        Assert.That(ignoringCompany.Count(e => e.Category == DiffCategory.Identical), Is.EqualTo(3));
    }

    [Test]
    public async Task The_match_key_follows_the_configured_priority()
    {
        var phoneFirst = await RunAsync(_bed.Compare(new DiffOptions { MatchKeys = [MatchKey.Phone, MatchKey.Email] }));
        var phoneOnly = _bed.Compare(new DiffOptions { MatchKeys = [MatchKey.Phone] });
        await RunAsync(phoneOnly);

        Assert.That(phoneFirst.Where(e => e.Category == DiffCategory.Identical).Select(e => e.MatchKey), Is.All.EqualTo(MatchKey.Phone));
        Assert.That(phoneFirst.Single(e => e.Source?.Email == _bed.Customers[8].Email).MatchKey, Is.EqualTo(MatchKey.Email), "only its email matches");
        Assert.That(phoneOnly.Summary.Ambiguous, Is.Zero, "by phone alone customer 9 matches one customer");
        Assert.That(phoneOnly.Summary.OnlyInSource, Is.EqualTo(5), "customer 8's phone changed");
    }

    [Test]
    public async Task Exported_files_diff_exactly_as_the_registries_do()
    {
        using var sourceJson = new MemoryStream();
        using var targetCsv = new MemoryStream();
        await CustomerJsonLines.WriteAsync(sourceJson, _bed.Source.ListAsync());
        await CustomerCsv.WriteAsync(targetCsv, _bed.Target.ListAsync());
        sourceJson.Position = 0;
        targetCsv.Position = 0;

        var fromFiles = CustomerDiff.Compare(CustomerJsonLines.ReadAsync(sourceJson), CustomerCsv.ReadAsync(targetCsv), new DiffOptions { CompareExtra = true });
        var fromRegistries = _bed.Compare(new DiffOptions { CompareExtra = true });
        var fileEntries = await RunAsync(fromFiles);
        var registryEntries = await RunAsync(fromRegistries);

        Assert.That(fromFiles.Summary.ToString(), Is.EqualTo(fromRegistries.Summary.ToString()));
        Assert.That(fileEntries.Select(Describe), Is.EqualTo(registryEntries.Select(Describe)));

        static string Describe(CustomerDiffEntry e) =>
            $"{e.Category} {e.Source?.Id} {e.Target?.Id} {string.Join(",", e.Changes)} {string.Join(",", e.Candidates.Select(c => c.Customer.Id))}";
    }
}
