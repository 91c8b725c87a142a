namespace BrokerAdapters.Testing;

/// <summary>
/// The faults <see cref="EmulatorFaults.InjectRandomly"/> can choose from; <see cref="EmulatorFault.Kind"/> names those that
/// no other member of a taken fault describes.
/// </summary>
public enum EmulatorFaultKind
{
    /// <summary>HTTP 503 with an HTML page; nothing is applied.</summary>
    ServerError = 1,

    /// <summary>HTTP 429; nothing is applied.</summary>
    RateLimited = 2,

    /// <summary>
    /// The answer is held for <see cref="EmulatorFaults.StallDuration"/> before the request is looked at, so the client
    /// times out first; then nothing is applied.
    /// </summary>
    TimeoutBeforeCommit = 3,

    /// <summary>Like <see cref="TimeoutBeforeCommit"/>, but the request is applied once the hold is over, after the client has gone.</summary>
    TimeoutWithLateCommit = 4,

    /// <summary>The request is applied at once, then the answer is held for <see cref="EmulatorFaults.StallDuration"/>, so the client times out.</summary>
    TimeoutAfterCommit = 5,

    /// <summary>The connection is reset before the request is applied; the client cannot tell this from <see cref="ResetAfterCommit"/>.</summary>
    ResetBeforeCommit = 6,

    /// <summary>The request is applied, then the connection is reset instead of answering (<see cref="EmulatorFaults.DropNextResponses"/>).</summary>
    ResetAfterCommit = 7,

    /// <summary>The connection is refused: the request never reaches the provider, and the client can tell (in memory only; the sandbox resets instead).</summary>
    ConnectionRefused = 8,
}
