using Microsoft.Extensions.Logging;

namespace BrokerAdapters.McCrm;

/// <summary>The provider's log messages: operation, status and duration only, never bodies, passwords, tokens or keys.</summary>
internal static partial class McCrmLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "MC-CRM {Operation} answered HTTP {HttpStatus} in {ElapsedMs:F0} ms.")]
    public static partial void CallSucceeded(ILogger logger, string operation, int httpStatus, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "MC-CRM {Operation} failed with {Kind} (provider code {ProviderCode}, HTTP {HttpStatus}) after {ElapsedMs:F0} ms.")]
    public static partial void CallFailed(ILogger logger, string operation, UserRegistryErrorKind kind, string? providerCode, int? httpStatus, double elapsedMs);
}
