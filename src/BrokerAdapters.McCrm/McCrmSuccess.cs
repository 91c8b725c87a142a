using BrokerAdapters.Internal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.McCrm;

/// <summary>
/// An answer read straight into the user object, for the common case of a success that carries one. Anything else
/// (a failure, no user, another shape) is read by <see cref="McCrmEnvelope"/> from the JSON tree.
/// </summary>
internal sealed class McCrmSuccess
{
    [JsonProperty("code")]
    public string? Code { get; init; }

    /// <summary>Gets <c>success</c> as it came, so that only a real boolean (or its absence) counts.</summary>
    [JsonProperty("success")]
    public JToken? Success { get; init; }

    [JsonProperty("data")]
    public McCrmUser? Data { get; init; }

    /// <summary>Reads a successful answer's user; <see langword="null"/> for anything that needs a closer look.</summary>
    public static McCrmUser? TryRead(ProviderResponse response)
    {
        if (!response.IsSuccessStatus || !response.TryRead<McCrmSuccess>(out var answer) || answer.Code?.Trim() is not ("0" or "200"))
        {
            return null;
        }

        var succeeded = answer.Success switch
        {
            null or { Type: JTokenType.Null } => true,
            { Type: JTokenType.Boolean } flag => (bool)flag,
            _ => false,
        };
        return succeeded && answer.Data is { Uid: { } uid } user && !string.IsNullOrWhiteSpace(uid) ? user : null;
    }
}
