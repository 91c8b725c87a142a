using Microsoft.Extensions.Logging;

namespace BrokerAdapters.McCrm;

/// <summary>
/// The provider's log messages: operation, correlation id, status and duration only, never bodies, passwords, tokens
/// or keys. The correlation id is generated per call by the library (MC-CRM has no trace id) and is the exception's
/// <see cref="UserRegistryException.TraceId"/>.
/// </summary>
internal static partial class McCrmLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "MC-CRM {Operation} ({TraceId}) answered HTTP {HttpStatus} in {ElapsedMs:F0} ms.")]
    public static partial void CallSucceeded(ILogger logger, string operation, string traceId, int httpStatus, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "MC-CRM {Operation} ({TraceId}) failed with {Kind} (provider code {ProviderCode}, HTTP {HttpStatus}) after {ElapsedMs:F0} ms.")]
    public static partial void CallFailed(ILogger logger, string operation, string traceId, UserRegistryErrorKind kind, string? providerCode, int? httpStatus, double elapsedMs);
}
