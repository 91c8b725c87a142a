using System.Net;

namespace BrokerAdapters.Testing;

/// <summary>
/// Faults to inject into an emulator's next answers. Each method queues a fault for the next <c>count</c> requests,
/// optionally only those of one operation (a CMFBL bizType such as
/// <c>customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc</c>, or an MC-CRM operation such as
/// <c>user/signup</c>). Faults are consumed in the order they were queued. Thread-safe.
/// </summary>
/// <remarks>
/// The kit's emulators read these faults themselves. An emulator of your own serves them by calling
/// <see cref="TakeNext"/> for each request it answers and applying the <see cref="EmulatorFault"/> it gets.
/// </remarks>
public sealed class EmulatorFaults
{
    private readonly List<EmulatorFault> _pending = [];
    private readonly Lock _lock = new();
    private TimeSpan _latency;
    private TimeSpan _stall = TimeSpan.FromSeconds(5);
    private RandomFaults? _random;

    /// <summary>Gets or sets a delay added before every answer (by the emulator's clock).</summary>
    public TimeSpan Latency
    {
        get { lock (_lock) { return _latency; } }
        set { lock (_lock) { _latency = value < TimeSpan.Zero ? TimeSpan.Zero : value; } }
    }

    /// <summary>
    /// Gets or sets how long the timeout faults hold an answer (by the emulator's clock); set it longer than the
    /// client's attempt timeout. Five seconds by default.
    /// </summary>
    public TimeSpan StallDuration
    {
        get { lock (_lock) { return _stall; } }
        set { lock (_lock) { _stall = value < TimeSpan.Zero ? TimeSpan.Zero : value; } }
    }

    /// <summary>Gets how many faults <see cref="InjectRandomly"/> has injected so far, by kind.</summary>
    public IReadOnlyDictionary<EmulatorFaultKind, int> RandomlyInjected
    {
        get { lock (_lock) { return _random is null ? new Dictionary<EmulatorFaultKind, int>() : new Dictionary<EmulatorFaultKind, int>(_random.Counts); } }
    }

    /// <summary>Gets how many injected faults are still waiting to be used.</summary>
    public int Pending
    {
        get { lock (_lock) { return _pending.Sum(f => f.Remaining); } }
    }

    /// <summary>Answers the next <paramref name="count"/> requests with an HTTP status and no provider envelope; nothing is applied.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="status">The status, e.g. 502 or 503.</param>
    /// <param name="operation">Only requests of this operation, or any.</param>
    /// <returns>This instance.</returns>
    public EmulatorFaults FailNext(int count, HttpStatusCode status, string? operation = null) =>
        Add(new EmulatorFault { Operation = operation, Remaining = count, Status = status });

    /// <summary>Answers the next <paramref name="count"/> requests with a provider error code (HTTP 200); nothing is applied.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="code">The provider code, e.g. <c>G500</c> or <c>GGATEWAY_CODE_017</c>.</param>
    /// <param name="message">The provider message; a generic one when <see langword="null"/>.</param>
    /// <param name="operation">Only requests of this operation, or any.</param>
    /// <returns>This instance.</returns>
    public EmulatorFaults FailNextWithCode(int count, string code, string? message = null, string? operation = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return Add(new EmulatorFault { Operation = operation, Remaining = count, ProviderCode = code, ProviderMessage = message });
    }

    /// <summary>Answers the next <paramref name="count"/> requests with a broken body; nothing is applied.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="kind">What is broken.</param>
    /// <param name="operation">Only requests of this operation, or any.</param>
    /// <returns>This instance.</returns>
    public EmulatorFaults MalformNext(int count, MalformedBody kind, string? operation = null) =>
        Add(new EmulatorFault { Operation = operation, Remaining = count, Malformed = kind });

    /// <summary>
    /// Applies the next <paramref name="count"/> requests normally, then drops the connection instead of answering:
    /// the change is committed but the client never learns it.
    /// </summary>
    /// <param name="count">How many requests.</param>
    /// <param name="operation">Only requests of this operation, or any.</param>
    /// <returns>This instance.</returns>
    public EmulatorFaults DropNextResponses(int count, string? operation = null) =>
        Add(new EmulatorFault { Operation = operation, Remaining = count, DropsResponse = true });

    /// <summary>
    /// Holds the next <paramref name="count"/> answers for <see cref="StallDuration"/> so that the client times out, and
    /// applies the request before the hold (<see cref="EmulatorFaultKind.TimeoutAfterCommit"/>), after it
    /// (<see cref="EmulatorFaultKind.TimeoutWithLateCommit"/>) or not at all (<see cref="EmulatorFaultKind.TimeoutBeforeCommit"/>).
    /// </summary>
    /// <param name="count">How many requests.</param>
    /// <param name="kind">One of the three timeout kinds.</param>
    /// <param name="operation">Only requests of this operation, or any.</param>
    /// <returns>This instance.</returns>
    public EmulatorFaults TimeOutNext(int count, EmulatorFaultKind kind = EmulatorFaultKind.TimeoutBeforeCommit, string? operation = null)
    {
        if (kind is not (EmulatorFaultKind.TimeoutBeforeCommit or EmulatorFaultKind.TimeoutWithLateCommit or EmulatorFaultKind.TimeoutAfterCommit))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a timeout fault.");
        }

        return Add(new EmulatorFault { Operation = operation, Remaining = count, Kind = kind });
    }

    /// <summary>Resets the connection of the next <paramref name="count"/> requests before applying them.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="operation">Only requests of this operation, or any.</param>
    /// <returns>This instance.</returns>
    public EmulatorFaults ResetNext(int count, string? operation = null) =>
        Add(new EmulatorFault { Operation = operation, Remaining = count, Kind = EmulatorFaultKind.ResetBeforeCommit });

    /// <summary>Refuses the connection of the next <paramref name="count"/> requests: they never reach the provider.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="operation">Only requests of this operation, or any.</param>
    /// <returns>This instance.</returns>
    public EmulatorFaults RefuseNext(int count, string? operation = null) =>
        Add(new EmulatorFault { Operation = operation, Remaining = count, Kind = EmulatorFaultKind.ConnectionRefused });

    /// <summary>
    /// From now on, gives each request that no queued fault takes a fault with probability
    /// <paramref name="probability"/>, of a kind drawn evenly from <paramref name="kinds"/>, reproducibly for a
    /// <paramref name="seed"/> (given the order requests arrive in). <see cref="Clear"/> stops it.
    /// </summary>
    /// <param name="probability">Between 0 and 1, e.g. 0.1 for one request in ten.</param>
    /// <param name="seed">The seed of the random draws.</param>
    /// <param name="kinds">The kinds to choose from; at least one.</param>
    /// <param name="operation">Only requests of this operation, or any.</param>
    /// <returns>This instance.</returns>
    public EmulatorFaults InjectRandomly(double probability, int seed, IReadOnlyList<EmulatorFaultKind> kinds, string? operation = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        ArgumentNullException.ThrowIfNull(kinds);
        if (kinds.Count == 0 || kinds.Any(k => !Enum.IsDefined(k)))
        {
            throw new ArgumentException("At least one fault kind, all defined, is required.", nameof(kinds));
        }

        lock (_lock)
        {
            _random = new RandomFaults(probability, new Random(seed), [.. kinds], operation);
        }

        return this;
    }

    /// <summary>Removes every pending fault, the random injection and the latency.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _pending.Clear();
            _random = null;
            _latency = TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Takes the fault for the request an emulator is about to answer: the first queued fault for
    /// <paramref name="operation"/> (or for any operation), in the order faults were queued, and counts one of its
    /// requests off; when none is queued, the random injection's draw, if <see cref="InjectRandomly"/> is on. The
    /// kit's emulators call it once per request; an emulator of your own calls it the same way, to serve these faults.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Wait <see cref="Latency"/> first, by the emulator's clock and cut short by the request's cancellation. Then
    /// apply the fault, or answer normally when there is none:
    /// </para>
    /// <list type="bullet">
    /// <item><description><see cref="EmulatorFault.Status"/>: answer with that status, as the provider or a proxy in front of it would; change nothing.</description></item>
    /// <item><description><see cref="EmulatorFault.ProviderCode"/>: answer with the provider's error for that code and <see cref="EmulatorFault.ProviderMessage"/>; change nothing.</description></item>
    /// <item><description><see cref="EmulatorFault.Malformed"/>: answer with the broken body that <see cref="MalformedBody"/> names, in the provider's terms; change nothing.</description></item>
    /// <item><description><see cref="EmulatorFault.DropsResponse"/>: apply the request, then fail it as a reset connection (an <see cref="HttpRequestException"/> with <see cref="HttpRequestError.ResponseEnded"/>) instead of answering.</description></item>
    /// <item><description><see cref="EmulatorFaultKind.ResetBeforeCommit"/>: change nothing, and fail the request as a reset connection.</description></item>
    /// <item><description><see cref="EmulatorFaultKind.ConnectionRefused"/>: change nothing, and fail the request as a refused connection (<see cref="HttpRequestError.ConnectionError"/>), which tells the client it was never sent.</description></item>
    /// <item><description>
    /// The timeout kinds: hold the answer for <see cref="StallDuration"/> by the emulator's clock, not cut short by the
    /// client going away, while the client gets no answer. <see cref="EmulatorFaultKind.TimeoutBeforeCommit"/> changes
    /// nothing; <see cref="EmulatorFaultKind.TimeoutWithLateCommit"/> applies the request once the hold is over;
    /// <see cref="EmulatorFaultKind.TimeoutAfterCommit"/> applies it before the hold.
    /// </description></item>
    /// </list>
    /// <para>Thread-safe: concurrent requests never take the same queued request twice.</para>
    /// </remarks>
    /// <param name="operation">The operation of the request, as the emulator names it (the name faults are queued under).</param>
    /// <returns>The fault to apply, or <see langword="null"/> to answer normally.</returns>
    public EmulatorFault? TakeNext(string operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        lock (_lock)
        {
            var fault = _pending.FirstOrDefault(f => f.Remaining > 0 && f.Matches(operation));
            if (fault is null)
            {
                return _random?.Next(operation);
            }

            fault.Remaining--;
            if (fault.Remaining == 0)
            {
                _pending.Remove(fault);
            }

            return fault;
        }
    }

    private EmulatorFaults Add(EmulatorFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fault.Remaining, "count");
        lock (_lock)
        {
            _pending.Add(fault);
        }

        return this;
    }

    /// <summary>The state of <see cref="InjectRandomly"/>; used under the faults' lock.</summary>
    private sealed class RandomFaults(double probability, Random random, EmulatorFaultKind[] kinds, string? operation)
    {
        public Dictionary<EmulatorFaultKind, int> Counts { get; } = [];

        public EmulatorFault? Next(string requestOperation)
        {
            if ((operation is not null && !string.Equals(operation, requestOperation, StringComparison.OrdinalIgnoreCase))
                || random.NextDouble() >= probability)
            {
                return null;
            }

            var kind = kinds[random.Next(kinds.Length)];
            Counts[kind] = Counts.GetValueOrDefault(kind) + 1;
            return kind switch
            {
                EmulatorFaultKind.ServerError => new EmulatorFault { Operation = operation, Status = HttpStatusCode.ServiceUnavailable },
                EmulatorFaultKind.RateLimited => new EmulatorFault { Operation = operation, Status = HttpStatusCode.TooManyRequests },
                EmulatorFaultKind.ResetAfterCommit => new EmulatorFault { Operation = operation, DropsResponse = true },
                _ => new EmulatorFault { Operation = operation, Kind = kind },
            };
        }
    }
}
