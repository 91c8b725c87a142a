using System.Net;

namespace BrokerAdapters.Testing;

/// <summary>
/// Faults to inject into an emulator's next answers. Each method queues a fault for the next <c>count</c> requests,
/// optionally only those of one operation (a CMFBL bizType such as
/// <c>customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc</c>, or an MC-CRM operation such as
/// <c>user/signup</c>). Faults are consumed in the order they were queued. Thread-safe.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly List<EmulatorFault> _pending = [];
    private readonly Lock _lock = new();
    private TimeSpan _latency;

    /// <summary>Gets or sets a delay added before every answer (by the emulator's clock).</summary>
    public TimeSpan Latency
    {
        get { lock (_lock) { return _latency; } }
        set { lock (_lock) { _latency = value < TimeSpan.Zero ? TimeSpan.Zero : value; } }
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
        return Add(new EmulatorFault { Operation = operation, Remaining = count, Code = code, Message = message });
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
        Add(new EmulatorFault { Operation = operation, Remaining = count, Drop = true });

    /// <summary>Removes every pending fault and the latency.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _pending.Clear();
            _latency = TimeSpan.Zero;
        }
    }

    internal EmulatorFault? Take(string operation)
    {
        lock (_lock)
        {
            var fault = _pending.FirstOrDefault(f => f.Remaining > 0 && f.Matches(operation));
            if (fault is null)
            {
                return null;
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
}
