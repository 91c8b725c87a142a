using System.Net;
using BrokerAdapters.Testing;

namespace BrokerAdapters.Tests.Emulators;

/// <summary><see cref="EmulatorFaults.TakeNext"/>, the way an emulator outside the kit serves the kit's faults.</summary>
public sealed class EmulatorFaultsTests
{
    [Test]
    public void Queued_faults_are_taken_in_order_one_request_at_a_time()
    {
        var faults = new EmulatorFaults()
            .FailNext(2, HttpStatusCode.BadGateway)
            .MalformNext(1, MalformedBody.Html);

        var first = faults.TakeNext("user/signup");
        var pendingAfterFirst = faults.Pending;
        var second = faults.TakeNext("user/signup");
        var third = faults.TakeNext("user/signup");
        var fourth = faults.TakeNext("user/signup");

        Assert.That(pendingAfterFirst, Is.EqualTo(2));
        Assert.That(first!.Status, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(second!.Status, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(third!.Status, Is.Null);
        Assert.That(third.Malformed, Is.EqualTo(MalformedBody.Html));
        Assert.That(fourth, Is.Null);
        Assert.That(faults.Pending, Is.Zero);
    }

    [Test]
    public void A_fault_for_one_operation_is_taken_only_by_it_and_a_fault_for_any_by_all()
    {
        var faults = new EmulatorFaults()
            .DropNextResponses(1, "user/signup")
            .FailNextWithCode(1, "G500", "System error");

        var query = faults.TakeNext("user/query/uid");
        var signup = faults.TakeNext("USER/SIGNUP");
        var again = faults.TakeNext("user/signup");

        Assert.That(query!.ProviderCode, Is.EqualTo("G500"));
        Assert.That(query.ProviderMessage, Is.EqualTo("System error"));
        Assert.That(query.Operation, Is.Null);
        Assert.That(signup!.DropsResponse, Is.True);
        Assert.That(signup.Operation, Is.EqualTo("user/signup"));
        Assert.That(again, Is.Null);
    }

    [Test]
    public void Each_queued_fault_is_described_by_exactly_one_member()
    {
        var faults = new EmulatorFaults()
            .FailNext(1, HttpStatusCode.ServiceUnavailable)
            .FailNextWithCode(1, "GGATEWAY_CODE_017")
            .MalformNext(1, MalformedBody.TruncatedJson)
            .DropNextResponses(1)
            .TimeOutNext(1, EmulatorFaultKind.TimeoutWithLateCommit)
            .ResetNext(1)
            .RefuseNext(1);

        var taken = Enumerable.Range(0, 7).Select(_ => Describe(faults.TakeNext("op")!)).ToArray();

        Assert.That(taken, Is.EqualTo(new[]
        {
            "status ServiceUnavailable",
            "code GGATEWAY_CODE_017",
            "malformed TruncatedJson",
            "drop",
            "kind TimeoutWithLateCommit",
            "kind ResetBeforeCommit",
            "kind ConnectionRefused",
        }));
    }

    [TestCase(EmulatorFaultKind.ServerError, "status ServiceUnavailable")]
    [TestCase(EmulatorFaultKind.RateLimited, "status TooManyRequests")]
    [TestCase(EmulatorFaultKind.ResetAfterCommit, "drop")]
    [TestCase(EmulatorFaultKind.ResetBeforeCommit, "kind ResetBeforeCommit")]
    [TestCase(EmulatorFaultKind.ConnectionRefused, "kind ConnectionRefused")]
    [TestCase(EmulatorFaultKind.TimeoutBeforeCommit, "kind TimeoutBeforeCommit")]
    [TestCase(EmulatorFaultKind.TimeoutWithLateCommit, "kind TimeoutWithLateCommit")]
    [TestCase(EmulatorFaultKind.TimeoutAfterCommit, "kind TimeoutAfterCommit")]
    public void A_random_fault_is_taken_when_nothing_is_queued_and_described_like_a_queued_one(EmulatorFaultKind kind, string described)
    {
        var faults = new EmulatorFaults().InjectRandomly(1, seed: 5, [kind]);

        var fault = faults.TakeNext("op");

        Assert.That(Describe(fault!), Is.EqualTo(described));
        Assert.That(faults.RandomlyInjected, Is.EqualTo(new Dictionary<EmulatorFaultKind, int> { [kind] = 1 }));
    }

    [Test]
    public void A_queued_fault_comes_before_the_random_draw()
    {
        var faults = new EmulatorFaults()
            .InjectRandomly(1, seed: 5, [EmulatorFaultKind.ServerError])
            .FailNext(1, HttpStatusCode.BadGateway);

        var queued = faults.TakeNext("op");
        var drawn = faults.TakeNext("op");

        Assert.That(queued!.Status, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(drawn!.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(faults.RandomlyInjected, Is.EqualTo(new Dictionary<EmulatorFaultKind, int> { [EmulatorFaultKind.ServerError] = 1 }));
    }

    [Test]
    public void Random_faults_follow_their_operation_filter_and_their_probability()
    {
        var filtered = new EmulatorFaults().InjectRandomly(1, seed: 5, [EmulatorFaultKind.ServerError], "user/signup");
        var never = new EmulatorFaults().InjectRandomly(0, seed: 5, [EmulatorFaultKind.ServerError]);

        var other = filtered.TakeNext("user/query/uid");
        var signup = filtered.TakeNext("user/signup");
        var none = Enumerable.Range(0, 100).Select(_ => never.TakeNext("user/signup")).ToArray();

        Assert.That(other, Is.Null);
        Assert.That(signup!.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(signup.Operation, Is.EqualTo("user/signup"));
        Assert.That(none, Is.All.Null);
        Assert.That(never.RandomlyInjected, Is.Empty);
    }

    [Test]
    public void The_same_seed_draws_the_same_faults_for_the_same_requests()
    {
        EmulatorFaultKind[] kinds = [EmulatorFaultKind.ServerError, EmulatorFaultKind.RateLimited, EmulatorFaultKind.ResetAfterCommit, EmulatorFaultKind.TimeoutAfterCommit];
        var first = new EmulatorFaults().InjectRandomly(0.5, seed: 42, kinds);
        var second = new EmulatorFaults().InjectRandomly(0.5, seed: 42, kinds);

        var a = Enumerable.Range(0, 200).Select(_ => first.TakeNext("op") is { } f ? Describe(f) : "none").ToArray();
        var b = Enumerable.Range(0, 200).Select(_ => second.TakeNext("op") is { } f ? Describe(f) : "none").ToArray();

        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.Count(d => d != "none"), Is.EqualTo(first.RandomlyInjected.Values.Sum()));
        Assert.That(a, Does.Contain("none").And.Contain("status ServiceUnavailable").And.Contain("drop"));
    }

    [Test]
    public void Concurrent_requests_take_each_queued_request_once()
    {
        var faults = new EmulatorFaults().FailNext(1000, HttpStatusCode.ServiceUnavailable);
        var taken = 0;

        Parallel.For(0, 1500, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            if (faults.TakeNext("op") is not null)
            {
                Interlocked.Increment(ref taken);
            }
        });

        Assert.That(taken, Is.EqualTo(1000));
        Assert.That(faults.Pending, Is.Zero);
    }

    [Test]
    public void Clear_leaves_nothing_to_take()
    {
        var faults = new EmulatorFaults().FailNext(3, HttpStatusCode.ServiceUnavailable).InjectRandomly(1, seed: 1, [EmulatorFaultKind.ServerError]);

        faults.Clear();

        Assert.That(faults.TakeNext("op"), Is.Null);
    }

    [Test]
    public void The_operation_is_required() =>
        Assert.That(() => new EmulatorFaults().TakeNext(null!), Throws.ArgumentNullException);

    /// <summary>The one member that says what to do, so that a fault described by two would show.</summary>
    private static string Describe(EmulatorFault fault) => string.Join(" + ", new[]
    {
        fault.Status is { } status ? $"status {status}" : null,
        fault.ProviderCode is { } code ? $"code {code}" + (fault.ProviderMessage is { } message ? $" ({message})" : string.Empty) : null,
        fault.Malformed is { } malformed ? $"malformed {malformed}" : null,
        fault.DropsResponse ? "drop" : null,
        fault.Kind is { } kind ? $"kind {kind}" : null,
    }.OfType<string>());
}
