using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cmfbl.Wire;

/// <summary>The envelope every CMFBL answer comes in: <c>{code, msg, fail, ok, trace, data, bizCode, tm, msgParams}</c>.</summary>
internal sealed class CmfblEnvelope
{
    public const string SuccessCode = "0";

    public string? Code { get; init; }

    public string? Msg { get; init; }

    public bool? Ok { get; init; }

    public bool? Fail { get; init; }

    public string? Trace { get; init; }

    public JToken? Data { get; init; }

    public bool IsSuccess => Code == SuccessCode;

    /// <summary>Reads the envelope leniently: <c>code</c> may be a non-empty string or a number; other members may be absent.</summary>
    public static CmfblEnvelope? TryRead(JToken body)
    {
        if (body is not JObject obj || !obj.TryGetValue("code", StringComparison.Ordinal, out var code)
            || code.Type is not (JTokenType.String or JTokenType.Integer) || string.IsNullOrWhiteSpace(code.ToString()))
        {
            return null;
        }

        return new CmfblEnvelope
        {
            Code = code.ToString(),
            Msg = Text(obj["msg"]),
            Ok = obj["ok"]?.Type == JTokenType.Boolean ? obj.Value<bool>("ok") : null,
            Fail = obj["fail"]?.Type == JTokenType.Boolean ? obj.Value<bool>("fail") : null,
            Trace = Text(obj["trace"]),
            Data = obj["data"],
        };
    }

    private static string? Text(JToken? token) =>
        token is JValue { Value: not null } value && value.Type is JTokenType.String or JTokenType.Integer or JTokenType.Float or JTokenType.Boolean
            ? value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
