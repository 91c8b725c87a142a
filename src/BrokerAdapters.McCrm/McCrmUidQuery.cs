using Newtonsoft.Json;

namespace BrokerAdapters.McCrm;

/// <summary>The body of <c>POST openapi/v1/user/query/uid</c>.</summary>
/// <param name="Uid">The user's MC-CRM <c>uid</c>.</param>
internal sealed record McCrmUidQuery([property: JsonProperty("uid")] string Uid);
