using System.Runtime.CompilerServices;
using static BrokerAdapters.Migration.Tests.Diff.DiffTestData;

namespace BrokerAdapters.Migration.Tests.Diff;

public sealed class CustomerDiffStreamingTests
{
    [Test]
    public async Task A_hundred_thousand_source_customers_are_read_a_bounded_number_ahead_of_the_results()
    {
        const int count = 100_000;
        var sourcePulled = new StrongBox<int>();
        var targetPulled = new StrongBox<int>();
        var results = CustomerDiff.Compare(Counted(count, 0, sourcePulled), Counted(count, 1_000, targetPulled));
        Assert.That((sourcePulled.Value, targetPulled.Value), Is.EqualTo((0, 0)), "nothing is read before the enumeration starts");

        var seen = 0;
        var maxAhead = 0;
        await foreach (var entry in results)
        {
            seen++;
            if (entry.Category != DiffCategory.OnlyInTarget)
            {
                // The source is read ahead on another thread, but never more than a few batches.
                maxAhead = Math.Max(maxAhead, sourcePulled.Value - seen);
                Assert.That(targetPulled.Value, Is.EqualTo(count), "the target is indexed before the first result");
            }
        }

        Assert.That(maxAhead, Is.InRange(1, SideReader.MaxReadAhead));
        Assert.That(results.Summary.Identical, Is.EqualTo(count - 1_000));
        Assert.That((results.Summary.OnlyInSource, results.Summary.OnlyInTarget), Is.EqualTo((1_000L, 1_000L)));
    }

    [Test]
    public void The_index_keeps_compact_records_not_customers()
    {
        var plan = DiffPlan.Create(null);
        var engine = new DiffEngine(plan);
        const int count = 10_000;
        for (var i = 0; i < count; i++)
        {
            engine.AddTarget(Full(i));
        }

        // Every value of a full customer is a few hundred UTF-8 bytes: far less than its object graph.
        Assert.That(engine.Index.Count, Is.EqualTo(count));
        Assert.That(engine.Index.RecordBytes / count, Is.InRange(150, 450));
        Assert.That(engine.Index.Reference(4_321), Is.EqualTo(CustomerReference.From(Full(4_321))));
    }

    [Test]
    public async Task Results_can_be_enumerated_once()
    {
        var results = CustomerDiff.Compare(Side(Full(1)), Side(Full(1)));
        await RunAsync(results);

        Assert.Throws<InvalidOperationException>(() => results.GetAsyncEnumerator());
    }

    [Test]
    public async Task A_cancelled_diff_stops_before_reading_anything()
    {
        var pulled = new StrongBox<int>();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var thrown = await CatchAsync(() => RunAsync(CustomerDiff.Compare(Counted(10, 0, pulled), Counted(10, 0, pulled)), cancellation.Token));

        Assert.That(thrown, Is.InstanceOf<OperationCanceledException>());
        Assert.That(pulled.Value, Is.Zero);
    }

    [Test]
    public async Task Cancelling_during_the_source_stops_the_diff_and_reaches_the_sides()
    {
        var sourcePulled = new StrongBox<int>();
        using var cancellation = new CancellationTokenSource();
        var results = CustomerDiff.Compare(Counted(50_000, 0, sourcePulled), Counted(1_000, 0, new StrongBox<int>()));
        var seen = 0;

        var thrown = await CatchAsync(async () =>
        {
            await foreach (var entry in results.WithCancellation(cancellation.Token))
            {
                if (++seen == 100)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.That(thrown, Is.InstanceOf<OperationCanceledException>());
        Assert.That(sourcePulled.Value, Is.LessThanOrEqualTo(100 + SideReader.MaxReadAhead));
        Assert.That(results.Summary.IsComplete, Is.False);
    }

    [Test]
    public async Task A_failing_side_fails_the_diff_with_its_own_exception()
    {
        var results = CustomerDiff.Compare(Side(Full(1)), Failing());

        var thrown = await Assert.ThrowsAsync<UserRegistryException>(() => RunAsync(results));

        Assert.That(thrown!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
    }

    [Test]
    public void Invalid_options_are_refused_when_the_diff_is_prepared_naming_the_setting()
    {
        var noKeys = Assert.Throws<ArgumentException>(() => CustomerDiff.Compare(Side(), Side(), new DiffOptions { MatchKeys = [] }));
        var twice = Assert.Throws<ArgumentException>(() => CustomerDiff.Compare(Side(), Side(), new DiffOptions { MatchKeys = [MatchKey.Email, MatchKey.Email] }));
        var unknown = Assert.Throws<ArgumentException>(() => CustomerDiff.Compare(Side(), Side(), new DiffOptions { IgnoredFields = ["Name.Surname"] }));

        Assert.That(noKeys!.Message, Does.Contain("DiffOptions.MatchKeys"));
        Assert.That(twice!.Message, Does.Contain("DiffOptions.MatchKeys"));
        Assert.That(unknown!.Message, Does.Contain("DiffOptions.IgnoredFields").And.Contain("Name.Surname").And.Contain("Name.Family"));
    }

    [Test]
    public void The_defaults_are_the_documented_ones()
    {
        var options = new DiffOptions();

        Assert.That(options.MatchKeys, Is.EqualTo(new[] { MatchKey.ExternalId, MatchKey.Email, MatchKey.Phone, MatchKey.Number }));
        Assert.That(options.IgnoredFields, Is.EquivalentTo(new[] { "Provider", "Id", "Number", "CreatedAt", "UpdatedAt", "LastLoginAt" }));
        Assert.That(options.CompareExtra, Is.False);
        Assert.That(DiffOptions.ComparableFields, Has.Count.EqualTo(33).And.Contains("Attribution.Term"));
    }

    private static async IAsyncEnumerable<Customer> Failing()
    {
        yield return Full(1);
        await Task.Yield();
        throw new UserRegistryException(UserRegistryErrorKind.Unavailable, "The provider is unavailable.");
    }

    private static async Task<Exception?> CatchAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
