namespace BrokerAdapters.Internal;

/// <summary>What one provider call is, for error reporting: never holds secrets.</summary>
/// <param name="Provider">The provider's name.</param>
/// <param name="Operation">The provider operation, e.g. the bizType or the path.</param>
/// <param name="TraceId">The trace id sent with the request, if any.</param>
/// <param name="IsWrite">Whether the call changes state, so that an unknown outcome must not be reported as a plain failure.</param>
internal sealed record ProviderCall(string Provider, string Operation, string? TraceId, bool IsWrite);
