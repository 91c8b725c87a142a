using static BrokerAdapters.Migration.Tests.Diff.DiffTestData;

namespace BrokerAdapters.Migration.Tests.Diff;

public sealed class CustomerDiffMatchingTests
{
    [Test]
    public async Task Every_category_is_reported_with_counts_that_add_up()
    {
        var identical = Full(1);
        var changed = Full(2);
        var onlyInSource = Full(3);
        var onlyInTarget = Full(4);
        var ambiguous = Full(5) with { Email = Full(6).Email };
        var entries = await DiffAsync(
            [identical, changed with { Country = "SG" }, onlyInSource, ambiguous],
            [identical with { Id = "t1" }, changed with { Id = "t2" }, onlyInTarget, Full(5), Full(6)]);

        Assert.That(entries.Select(e => e.Category), Is.EqualTo(new[]
        {
            DiffCategory.Identical, DiffCategory.Changed, DiffCategory.OnlyInSource, DiffCategory.Ambiguous, DiffCategory.OnlyInTarget,
        }));
        Assert.That(entries[4].Target!.Id, Is.EqualTo(onlyInTarget.Id));
    }

    [Test]
    public async Task The_summary_counts_every_category_and_ends_complete()
    {
        var results = CustomerDiff.Compare(
            Side(Full(1), Full(2) with { Country = "SG" }, Full(3), Full(5) with { Email = Full(6).Email }),
            Side(Full(1), Full(2), Full(4), Full(5), Full(6), Full(7)));
        Assert.That(results.Summary.IsComplete, Is.False);

        await RunAsync(results);

        var summary = results.Summary;
        Assert.That(summary.IsComplete, Is.True);
        Assert.That((summary.SourceCount, summary.TargetCount), Is.EqualTo((4L, 6L)));
        Assert.That((summary.Identical, summary.Changed, summary.OnlyInSource, summary.OnlyInTarget, summary.Ambiguous), Is.EqualTo((1L, 1L, 1L, 2L, 1L)));
        Assert.That(summary.AmbiguousInTarget, Is.EqualTo(2), "5 and 6 are candidates, not only in the target");
        Assert.That(summary.Identical + summary.Changed + summary.OnlyInSource + summary.Ambiguous, Is.EqualTo(summary.SourceCount));
        Assert.That(summary.Identical + summary.Changed + summary.OnlyInTarget + summary.AmbiguousInTarget, Is.EqualTo(summary.TargetCount));
        Assert.That(summary.GetFieldChanges(), Is.EqualTo(new[] { new KeyValuePair<string, long>("Country", 1) }));
    }

    [Test]
    public async Task Keys_leading_to_different_customers_are_ambiguous_with_both_candidates_and_their_keys()
    {
        var source = Full(1) with { ExternalId = "ext-A", Email = "b@example.com", Phone = new PhoneNumber("+852", "90000003") };
        var a = Full(10) with { ExternalId = "ext-A" };
        var b = Full(11) with { Email = "b@example.com" };

        var entry = (await DiffAsync([source], [a, b])).Single(e => e.Source is not null);

        Assert.That(entry.Category, Is.EqualTo(DiffCategory.Ambiguous));
        Assert.That(entry.Ambiguity, Is.EqualTo(AmbiguityReason.ConflictingKeys));
        Assert.That(entry.Candidates.Select(c => (c.Customer.Id, string.Join("+", c.Keys))), Is.EqualTo(new[] { (a.Id, "ExternalId"), (b.Id, "Email") }));
        Assert.That(entry.SourceCustomer, Is.SameAs(source), "never guessed: the source customer is handed back whole");
        Assert.That(entry.MatchKey, Is.Null);
        Assert.That(entry.Target, Is.Null);
    }

    [Test]
    public async Task A_key_value_shared_by_several_targets_is_ambiguous_even_when_another_key_is_unique()
    {
        var source = Full(1);
        var twin = Full(2) with { Email = "  " + Full(1).Email!.ToUpperInvariant() };

        var entries = await DiffAsync([source], [Full(1), twin]);

        var entry = entries.Single();
        Assert.That(entry.Category, Is.EqualTo(DiffCategory.Ambiguous));
        Assert.That(entry.Ambiguity, Is.EqualTo(AmbiguityReason.SharedKeyValue));
        Assert.That(entry.Candidates.Select(c => c.Customer.Id), Is.EqualTo(new[] { Full(1).Id, twin.Id }));
        Assert.That(entry.Candidates[0].Keys, Is.EqualTo(new[] { MatchKey.ExternalId, MatchKey.Email, MatchKey.Phone, MatchKey.Number }));
        Assert.That(entry.Candidates[1].Keys, Is.EqualTo(new[] { MatchKey.Email }));
    }

    [Test]
    public async Task A_target_matched_by_an_earlier_source_is_not_matched_again()
    {
        var first = Full(1);
        var second = Full(2) with { Email = Full(1).Email, ExternalId = null, Phone = null, Number = null };

        var entries = await DiffAsync([first, second], [Full(1)]);

        Assert.That(entries[0].Category, Is.EqualTo(DiffCategory.Identical));
        Assert.That(entries[1].Category, Is.EqualTo(DiffCategory.Ambiguous));
        Assert.That(entries[1].Ambiguity, Is.EqualTo(AmbiguityReason.AlreadyMatched));
        Assert.That(entries[1].Candidates.Single().Customer.Id, Is.EqualTo(first.Id));
        Assert.That(entries[1].Candidates.Single().Keys, Is.EqualTo(new[] { MatchKey.Email }));
        Assert.That(entries, Has.Count.EqualTo(2), "the claimed target is not also reported only in the target");
    }

    [Test]
    public async Task The_reported_match_key_is_the_first_in_priority_order_that_matched()
    {
        var customer = Full(1);

        var byDefault = (await DiffAsync([customer], [customer])).Single();
        var emailFirst = (await DiffAsync([customer], [customer], new DiffOptions { MatchKeys = [MatchKey.Email, MatchKey.ExternalId] })).Single();
        var withoutExternalId = (await DiffAsync([customer with { ExternalId = null }], [customer])).Single();

        Assert.That(byDefault.MatchKey, Is.EqualTo(MatchKey.ExternalId));
        Assert.That(emailFirst.MatchKey, Is.EqualTo(MatchKey.Email));
        Assert.That(withoutExternalId.MatchKey, Is.EqualTo(MatchKey.Email));
    }

    [Test]
    public async Task Only_the_configured_keys_match()
    {
        var source = Full(1) with { Email = "new@example.com" };
        var target = Full(1) with { ExternalId = "other", Phone = null, Number = null };

        var byEmail = await DiffAsync([source], [target], new DiffOptions { MatchKeys = [MatchKey.Email] });
        var byExternalId = await DiffAsync([source], [target], new DiffOptions { MatchKeys = [MatchKey.ExternalId] });

        Assert.That(byEmail.Select(e => e.Category), Is.EqualTo(new[] { DiffCategory.OnlyInSource, DiffCategory.OnlyInTarget }));
        Assert.That(byExternalId.Select(e => e.Category), Is.EqualTo(new[] { DiffCategory.OnlyInSource, DiffCategory.OnlyInTarget }));
        var byPhone = await DiffAsync([source], [target with { Phone = source.Phone }], new DiffOptions { MatchKeys = [MatchKey.Phone] });
        Assert.That(byPhone.Single().Category, Is.EqualTo(DiffCategory.Changed));
        Assert.That(byPhone.Single().MatchKey, Is.EqualTo(MatchKey.Phone));
    }

    [Test]
    public async Task Emails_match_trimmed_and_case_insensitively_and_phones_by_their_E164_form()
    {
        var source = Full(1) with { ExternalId = null, Number = null, Email = "  Ann.LEE@Example.COM ", Phone = new PhoneNumber("+44", "07700 900123") };
        var byEmail = Full(1) with { ExternalId = null, Number = null, Email = "ann.lee@example.com", Phone = null };
        var byPhone = Full(2) with { ExternalId = null, Number = null, Email = null, Phone = new PhoneNumber("0044", "7700-900-123") };

        var emailOnly = await DiffAsync([source with { Phone = null }], [byEmail]);
        var phoneOnly = await DiffAsync([source with { Email = null }], [byPhone]);

        Assert.That(emailOnly.Single().MatchKey, Is.EqualTo(MatchKey.Email));
        Assert.That(emailOnly.Single().Category, Is.EqualTo(DiffCategory.Identical), "the email compares normalised too");
        Assert.That(phoneOnly.Single().MatchKey, Is.EqualTo(MatchKey.Phone));
        Assert.That(phoneOnly.Single().Category, Is.EqualTo(DiffCategory.Identical), "+44 07700 900123 and 0044 7700-900-123 are one number");
    }

    [Test]
    public async Task External_ids_and_numbers_match_exactly_apart_from_surrounding_spaces()
    {
        var options = new DiffOptions { MatchKeys = [MatchKey.ExternalId] };

        var trimmed = await DiffAsync([Full(1) with { ExternalId = " ext-0001 " }], [Full(1)], options);
        var otherCase = await DiffAsync([Full(1) with { ExternalId = "EXT-0001" }], [Full(1)], options);

        Assert.That(trimmed.Single().Category, Is.EqualTo(DiffCategory.Identical));
        Assert.That(otherCase.Select(e => e.Category), Is.EqualTo(new[] { DiffCategory.OnlyInSource, DiffCategory.OnlyInTarget }));
    }

    [Test]
    public async Task Customers_without_any_key_value_are_only_on_their_side()
    {
        var keyless = Full(1) with { ExternalId = null, Email = " ", Phone = null, Number = null };

        var entries = await DiffAsync([keyless], [keyless]);

        Assert.That(entries.Select(e => e.Category), Is.EqualTo(new[] { DiffCategory.OnlyInSource, DiffCategory.OnlyInTarget }));
    }

    [Test]
    public async Task Only_in_target_entries_come_last_in_target_order_with_the_target_identity()
    {
        var entries = await DiffAsync([Full(2)], [Full(3), Full(2), Full(1)]);

        Assert.That(entries.Skip(1).Select(e => (e.Category, e.Target!.Id, e.Target.Email)), Is.EqualTo(new[]
        {
            (DiffCategory.OnlyInTarget, Full(3).Id, Full(3).Email),
            (DiffCategory.OnlyInTarget, Full(1).Id, Full(1).Email),
        }));
        Assert.That(entries[2].Target, Is.EqualTo(CustomerReference.From(Full(1))));
        Assert.That(entries[2].Source, Is.Null);
    }

    [Test]
    public async Task Matched_entries_carry_both_identities_and_the_source_customer()
    {
        var source = Full(1, provider: "Cmfbl");
        var target = Full(1, provider: "McCrm") with { Id = "uid-9", Number = "B-9" };

        var entry = (await DiffAsync([source], [target])).Single();

        Assert.That(entry.Source, Is.EqualTo(new CustomerReference("Cmfbl", source.Id, source.Number, source.ExternalId, source.Email, "+85291230001")));
        Assert.That(entry.Target, Is.EqualTo(new CustomerReference("McCrm", "uid-9", "B-9", source.ExternalId, source.Email, "+85291230001")));
        Assert.That(entry.SourceCustomer, Is.SameAs(source));
        Assert.That(entry.Category, Is.EqualTo(DiffCategory.Identical), "provider, id and number are ignored by default");
    }
}
