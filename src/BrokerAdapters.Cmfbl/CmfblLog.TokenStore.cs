using Microsoft.Extensions.Logging;

namespace BrokerAdapters.Cmfbl;

/// <summary>Log messages about the admin token store. They name the store and the company, never a token or a secret.</summary>
internal static partial class CmfblLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "CMFBL admin token for company {CompanyId} taken from the token store")]
    public static partial void TokenFromStore(ILogger logger, string companyId);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "CMFBL admin token store {Store} could not {Action} the token of company {CompanyId} ({Error}); carrying on without it")]
    public static partial void TokenStoreFailed(ILogger logger, string store, string action, string companyId, string error);
}
