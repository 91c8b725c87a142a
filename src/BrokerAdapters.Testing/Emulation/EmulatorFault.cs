using System.Net;

namespace BrokerAdapters.Testing;

/// <summary>
/// One fault taken from <see cref="EmulatorFaults"/> by <see cref="EmulatorFaults.TakeNext"/>, for an emulator to apply
/// to the request it is answering. Exactly one of <see cref="Kind"/>, <see cref="Status"/>, <see cref="ProviderCode"/>,
/// <see cref="Malformed"/> and <see cref="DropsResponse"/> says what to do; see <see cref="EmulatorFaults.TakeNext"/>
/// for how each is applied.
/// </summary>
public sealed class EmulatorFault
{
    internal EmulatorFault()
    {
    }

    /// <summary>Gets the operation the fault was queued for, or <see langword="null"/> when it was queued for any.</summary>
    public string? Operation { get; internal init; }

    /// <summary>
    /// Gets the HTTP status to answer with (<see cref="EmulatorFaults.FailNext"/>, and the random
    /// <see cref="EmulatorFaultKind.ServerError"/> and <see cref="EmulatorFaultKind.RateLimited"/>), or
    /// <see langword="null"/>. The request is not applied.
    /// </summary>
    public HttpStatusCode? Status { get; internal init; }

    /// <summary>Gets the provider error code to answer with (<see cref="EmulatorFaults.FailNextWithCode"/>), or <see langword="null"/>. The request is not applied.</summary>
    public string? ProviderCode { get; internal init; }

    /// <summary>Gets the provider message that goes with <see cref="ProviderCode"/>, or <see langword="null"/> for one of the emulator's choosing.</summary>
    public string? ProviderMessage { get; internal init; }

    /// <summary>Gets the kind of broken answer to give (<see cref="EmulatorFaults.MalformNext"/>), or <see langword="null"/>. The request is not applied.</summary>
    public MalformedBody? Malformed { get; internal init; }

    /// <summary>
    /// Gets whether to apply the request normally, then reset the connection instead of answering
    /// (<see cref="EmulatorFaults.DropNextResponses"/>, and the random <see cref="EmulatorFaultKind.ResetAfterCommit"/>).
    /// </summary>
    public bool DropsResponse { get; internal init; }

    /// <summary>
    /// Gets the kind of a fault that none of the other members describes: a refused connection
    /// (<see cref="EmulatorFaultKind.ConnectionRefused"/>), a reset before applying
    /// (<see cref="EmulatorFaultKind.ResetBeforeCommit"/>), or one of the three timeout kinds; otherwise
    /// <see langword="null"/>.
    /// </summary>
    public EmulatorFaultKind? Kind { get; internal init; }

    /// <summary>Gets or sets how many more requests the queued fault applies to; only the queue changes it.</summary>
    internal int Remaining { get; set; }

    internal bool Matches(string operation) =>
        Operation is null || string.Equals(Operation, operation, StringComparison.OrdinalIgnoreCase);
}
