using Microsoft.Extensions.Logging;

namespace BrokerAdapters.Cmfbl;

/// <summary>Log messages of the CMFBL provider. They carry operation names, trace ids and statuses, never bodies or secrets.</summary>
internal static partial class CmfblLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "CMFBL {Operation} trace {Trace} answered HTTP {Status} in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, string operation, string trace, int status, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "CMFBL admin token obtained for company {CompanyId}")]
    public static partial void Authenticated(ILogger logger, string companyId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "CMFBL {Operation} trace {Trace}: the admin token expired ({Code}); re-authenticating once")]
    public static partial void TokenExpired(ILogger logger, string operation, string trace, string code);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "CMFBL {Operation} trace {Trace} failed: {Kind} {Code}")]
    public static partial void Failed(ILogger logger, string operation, string? trace, UserRegistryErrorKind kind, string? code);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "CMFBL registration trace {Trace}: the answer was lost and the customer does not exist; sending it once more")]
    public static partial void RegistrationRetried(ILogger logger, string trace);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "CMFBL registration trace {Trace}: the answer was lost; customer {Number} found by checking")]
    public static partial void RegistrationRecovered(ILogger logger, string trace, string? number);
}
