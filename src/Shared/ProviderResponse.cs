using System.Net;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Internal;

/// <summary>A provider's HTTP answer with its body already parsed as JSON.</summary>
internal sealed class ProviderResponse
{
    public ProviderResponse(HttpStatusCode status, JToken body, TimeSpan? retryAfter)
    {
        Status = status;
        Body = body;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode Status { get; }

    public JToken Body { get; }

    public TimeSpan? RetryAfter { get; }

    public bool IsSuccessStatus => (int)Status is >= 200 and < 300;
}
