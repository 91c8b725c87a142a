using static BrokerAdapters.Migration.Tests.Diff.DiffTestData;

namespace BrokerAdapters.Migration.Tests.Diff;

public sealed class TargetIndexTests
{
    [Test]
    public void The_key_table_finds_every_slot_of_a_hash_across_growth_and_collisions()
    {
        var table = new KeyTable();
        for (var slot = 0; slot < 50_000; slot++)
        {
            // Every 1000th slot shares hash 7; the rest have hashes of their own.
            table.Add(slot % 1000 == 0 ? 7 : slot + 100, slot);
        }

        Assert.That(Lookup(table, 7), Is.EquivalentTo(Enumerable.Range(0, 50).Select(i => i * 1000)));
        Assert.That(Lookup(table, 12_345 + 100), Is.EqualTo(new[] { 12_345 }));
        Assert.That(Lookup(table, -1), Is.Empty);
    }

    [Test]
    public async Task Records_larger_than_an_arena_chunk_are_kept_whole_between_ordinary_ones()
    {
        var huge = new string('x', 3 * 1024 * 1024);
        var target = new[] { Full(1), Full(2) with { Extra = new Dictionary<string, string?> { ["blob"] = huge } }, Full(3) };
        var source = new[] { Full(1), Full(2) with { Extra = new Dictionary<string, string?> { ["blob"] = huge + "y" } }, Full(3) with { Country = "SG" } };

        var entries = await DiffAsync(source, target, new DiffOptions { CompareExtra = true });

        Assert.That(entries.Select(e => e.Category), Is.EqualTo(new[] { DiffCategory.Identical, DiffCategory.Changed, DiffCategory.Changed }));
        Assert.That(entries[1].Changes.Single().Field, Is.EqualTo("Extra.blob"));
        Assert.That(entries[1].Changes.Single().TargetValue, Is.EqualTo(huge));
        Assert.That(entries[2].Changes, Is.EqualTo(new[] { new FieldDifference("Country", "SG", "HK") }));
        Assert.That(entries[2].Target, Is.EqualTo(CustomerReference.From(Full(3))));
    }

    private static List<int> Lookup(KeyTable table, int hash)
    {
        var slots = new List<int>();
        var position = table.Start(hash);
        int slot;
        while ((slot = table.Next(hash, ref position)) >= 0)
        {
            slots.Add(slot);
        }

        return slots;
    }
}
