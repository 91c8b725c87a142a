using static BrokerAdapters.Migration.Tests.Diff.DiffTestData;

namespace BrokerAdapters.Migration.Tests.Diff;

public sealed class CustomerDiffComparisonTests
{
    [Test]
    public async Task Changed_fields_are_listed_in_field_order_with_the_original_values()
    {
        var source = Full(1);
        var target = Full(1) with
        {
            Name = source.Name! with { Family = "Li" },
            Country = "sg",
            BirthDate = new DateOnly(1990, 2, 1),
            Status = CustomerStatus.Locked,
            Source = null,
        };

        var entry = (await DiffAsync([source], [target])).Single();

        Assert.That(entry.Category, Is.EqualTo(DiffCategory.Changed));
        Assert.That(entry.Changes, Is.EqualTo(new[]
        {
            new FieldDifference("Country", "HK", "sg"),
            new FieldDifference("Name.Family", "Lee", "Li"),
            new FieldDifference("BirthDate", "1990-01-31", "1990-02-01"),
            new FieldDifference("Source", "Ios", null),
            new FieldDifference("Status", "Active", "Locked"),
        }));
    }

    [Test]
    public async Task Text_compares_ignoring_case_surrounding_spaces_and_runs_of_white_space()
    {
        var source = Full(1);
        var target = Full(1) with
        {
            Name = new PersonName { Given = " ANN ", Middle = "may", Family = "lee", Full = "Ann   May\tLee" },
            Country = "hk",
            Address = source.Address! with { Line = "1  queen's road,  central " },
            Language = "EN-us",
        };

        var entry = (await DiffAsync([source], [target])).Single();

        Assert.That(entry.Category, Is.EqualTo(DiffCategory.Identical), string.Join("; ", entry.Changes));
    }

    [Test]
    public async Task Inner_white_space_still_separates_words()
    {
        var entry = (await DiffAsync([Full(1)], [Full(1) with { Name = Full(1).Name! with { Full = "AnnMay Lee" } }])).Single();

        Assert.That(entry.Changes, Is.EqualTo(new[] { new FieldDifference("Name.Full", "Ann May Lee", "AnnMay Lee") }));
    }

    [Test]
    public async Task Missing_empty_and_blank_texts_are_equal()
    {
        var source = Full(1) with { KycStatus = null, Device = "", ClientIp = "  ", Name = null };
        var target = Full(1) with { KycStatus = "", Device = null, ClientIp = null, Name = new PersonName { Given = " " } };

        var entry = (await DiffAsync([source], [target])).Single();

        Assert.That(entry.Category, Is.EqualTo(DiffCategory.Identical), string.Join("; ", entry.Changes));
    }

    [Test]
    public async Task Phones_compare_by_E164_and_report_what_each_side_holds()
    {
        var options = new DiffOptions { MatchKeys = [MatchKey.Email] };
        var sameNumber = await DiffAsync([Full(1) with { Phone = new PhoneNumber("+44", "07700900123") }], [Full(1) with { Phone = new PhoneNumber("44", "7700 900 123") }], options);
        var otherNumber = await DiffAsync([Full(1) with { Phone = new PhoneNumber("+44", "07700900123") }], [Full(1) with { Phone = new PhoneNumber("+44", "7700900124") }], options);
        var noNumber = await DiffAsync([Full(1)], [Full(1) with { Phone = null }], options);

        Assert.That(sameNumber.Single().Category, Is.EqualTo(DiffCategory.Identical));
        Assert.That(otherNumber.Single().Changes, Is.EqualTo(new[] { new FieldDifference("Phone", "+4407700900123", "+447700900124") }));
        Assert.That(noNumber.Single().Changes, Is.EqualTo(new[] { new FieldDifference("Phone", "+85291230001", null) }));
    }

    [Test]
    public async Task Timestamps_are_ignored_by_default_and_compared_by_instant_when_asked()
    {
        var source = Full(1);
        var sameInstant = Full(1) with { CreatedAt = source.CreatedAt!.Value.ToOffset(TimeSpan.FromHours(8)), UpdatedAt = null };
        var options = new DiffOptions { IgnoredFields = ["Provider", "Id", "Number", "UpdatedAt", "LastLoginAt"] };

        var byDefault = (await DiffAsync([source], [sameInstant with { CreatedAt = source.CreatedAt.Value.AddDays(1) }])).Single();
        var sameInstantEntry = (await DiffAsync([source], [sameInstant], options)).Single();
        var laterEntry = (await DiffAsync([source], [sameInstant with { CreatedAt = source.CreatedAt.Value.AddSeconds(1) }], options)).Single();

        Assert.That(byDefault.Category, Is.EqualTo(DiffCategory.Identical));
        Assert.That(sameInstantEntry.Category, Is.EqualTo(DiffCategory.Identical));
        Assert.That(laterEntry.Changes, Is.EqualTo(new[] { new FieldDifference("CreatedAt", "2024-05-01T08:00:00.0000000+00:00", "2024-05-01T08:00:01.0000000+00:00") }));
    }

    [Test]
    public async Task Ignored_fields_are_not_compared_and_groups_ignore_all_their_parts()
    {
        var source = Full(1);
        var target = Full(1) with
        {
            Name = new PersonName { Given = "Other", Family = "Person" },
            GroupId = "9",
            Address = new PostalAddress { City = "Elsewhere" },
        };

        var all = (await DiffAsync([source], [target])).Single();
        var ignoring = (await DiffAsync([source], [target], new DiffOptions { IgnoredFields = [.. DiffOptions.DefaultIgnoredFields, "name", "Address", "GroupId"] })).Single();
        var nameFamilyOnly = (await DiffAsync([source], [target], new DiffOptions { IgnoredFields = ["Name.Family", "Name.Given", "Name.Middle", "Name.Full", "Address", "GroupId"] })).Single();

        Assert.That(all.Changes.Select(c => c.Field), Is.EqualTo(new[]
        {
            "Name.Given", "Name.Middle", "Name.Family", "Name.Full",
            "Address.Street", "Address.HouseNumber", "Address.City", "Address.PostalCode", "Address.Line", "GroupId",
        }));
        Assert.That(ignoring.Category, Is.EqualTo(DiffCategory.Identical));
        Assert.That(nameFamilyOnly.Category, Is.EqualTo(DiffCategory.Identical));
    }

    [Test]
    public async Task Provider_identity_is_compared_once_it_is_no_longer_ignored()
    {
        var entry = (await DiffAsync([Full(1, "Cmfbl")], [Full(1, "McCrm") with { Id = "uid-1" }], new DiffOptions { IgnoredFields = [] })).Single();

        Assert.That(entry.Changes.Select(c => c.Field), Is.EqualTo(new[] { "Provider", "Id" }));
        Assert.That(entry.Changes[1], Is.EqualTo(new FieldDifference("Id", "id-0001", "uid-1")));
    }

    [Test]
    public async Task Extra_is_not_compared_by_default()
    {
        var target = Full(1) with { Extra = new Dictionary<string, string?> { ["companyId"] = "361", ["vip"] = "true" } };

        var entry = (await DiffAsync([Full(1)], [target])).Single();

        Assert.That(entry.Category, Is.EqualTo(DiffCategory.Identical));
    }

    [Test]
    public async Task CompareExtra_reports_changed_missing_and_added_members_by_name()
    {
        var source = Full(1) with { Extra = new Dictionary<string, string?> { ["companyId"] = "360", ["customerType"] = "0", ["legacy"] = "x", ["blank"] = "" } };
        var target = Full(1) with { Extra = new Dictionary<string, string?> { ["vip"] = "true", ["companyId"] = "361", ["customerType"] = " 0 ", ["empty"] = null } };

        var entry = (await DiffAsync([source], [target], new DiffOptions { CompareExtra = true })).Single();

        Assert.That(entry.Changes, Is.EqualTo(new[]
        {
            new FieldDifference("Extra.companyId", "360", "361"),
            new FieldDifference("Extra.legacy", "x", null),
            new FieldDifference("Extra.vip", null, "true"),
        }));
    }

    [Test]
    public async Task CompareExtra_respects_ignored_extra_members()
    {
        var target = Full(1) with { Extra = new Dictionary<string, string?> { ["companyId"] = "361", ["customerType"] = "0" } };

        var entry = (await DiffAsync([Full(1)], [target], new DiffOptions { CompareExtra = true, IgnoredFields = [.. DiffOptions.DefaultIgnoredFields, "Extra.companyId"] })).Single();
        var allExtra = (await DiffAsync([Full(1)], [target], new DiffOptions { CompareExtra = true, IgnoredFields = ["Extra"] })).Single();

        Assert.That(entry.Category, Is.EqualTo(DiffCategory.Identical));
        Assert.That(allExtra.Category, Is.EqualTo(DiffCategory.Identical));
    }

    [Test]
    public async Task Non_ascii_and_long_values_compare_and_report_exactly()
    {
        var longLine = string.Concat(Enumerable.Repeat("Straße 5, Zürich ", 40));
        var source = Full(1) with { Name = new PersonName { Full = "陳大文" }, Address = new PostalAddress { Line = longLine } };
        var target = Full(1) with { Name = new PersonName { Full = "陳小文" }, Address = new PostalAddress { Line = longLine.ToUpperInvariant() } };

        var entry = (await DiffAsync([source], [target])).Single();

        Assert.That(entry.Changes, Is.EqualTo(new[] { new FieldDifference("Name.Full", "陳大文", "陳小文") }));
    }

    [Test]
    public async Task Field_change_counts_add_up_per_field()
    {
        var results = CustomerDiff.Compare(
            Side(Full(1), Full(2), Full(3)),
            Side(Full(1) with { Country = "SG" }, Full(2) with { Country = "GB", GroupId = "2" }, Full(3)));

        await RunAsync(results);

        Assert.That(results.Summary.GetFieldChanges(), Is.EqualTo(new[]
        {
            new KeyValuePair<string, long>("Country", 2),
            new KeyValuePair<string, long>("GroupId", 1),
        }));
    }
}
