using System.Net;

namespace BrokerAdapters.Testing;

/// <summary>One injected fault, consumed by the next matching request(s).</summary>
internal sealed class EmulatorFault
{
    public required string? Operation { get; init; }

    public int Remaining { get; set; }

    public HttpStatusCode? Status { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }

    public MalformedBody? Malformed { get; init; }

    public bool Drop { get; init; }

    /// <summary>Gets the kind of a fault that is not one of the above (stalls, resets, refusals).</summary>
    public EmulatorFaultKind? Kind { get; init; }

    public bool Matches(string operation) =>
        Operation is null || string.Equals(Operation, operation, StringComparison.OrdinalIgnoreCase);
}
