using System.Globalization;
using BrokerAdapters.Internal;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.McCrm;

/// <summary>
/// MC-CRM's answer envelope together with the HTTP answer it came in. Two shapes are documented and both are read:
/// <c>{"code":"0","msg":"ok","data":…,"success":true}</c> (signup sample) and <c>{"code":200,"msg":…,"data":…}</c>
/// (connection page); <c>code</c> may be text or a number.
/// </summary>
internal sealed class McCrmEnvelope
{
    private readonly ProviderResponse _response;
    private readonly ProviderCall _call;

    private McCrmEnvelope(ProviderResponse response, ProviderCall call, string code, string? message, JToken? data, bool? success)
    {
        _response = response;
        _call = call;
        Code = code;
        Message = message;
        Data = data;
        Success = success;
        ErrorKind = Classify();
    }

    public string Code { get; }

    public string? Message { get; }

    /// <summary>Gets <c>data</c>, or <see langword="null"/> when it is missing or JSON <c>null</c>.</summary>
    public JToken? Data { get; }

    public bool? Success { get; }

    /// <summary>Gets whether the HTTP status is 2xx, the code is <c>0</c> or <c>200</c> and <c>success</c> is not <see langword="false"/>.</summary>
    public bool IsSuccess => _response.IsSuccessStatus && Code is "0" or "200" && Success != false;

    /// <summary>Gets what a failed answer means; meaningless when <see cref="IsSuccess"/>.</summary>
    public UserRegistryErrorKind ErrorKind { get; }

    /// <summary>
    /// Reads the envelope of <paramref name="response"/>, whatever its status. When there is no readable envelope it
    /// throws: a protocol error for a 2xx answer, else the error the HTTP status tells.
    /// </summary>
    public static McCrmEnvelope Read(ProviderResponse response, ProviderCall call)
    {
        var envelope = TryParse(response, call, out var problem);
        if (envelope is not null)
        {
            return envelope;
        }

        throw response.IsSuccessStatus
            ? ProviderErrors.Protocol(call, problem, response.Status)
            : ProviderErrors.FromStatus(call, response.Status, response.RetryAfter);
    }

    /// <summary>Builds the exception for an answer that is not a success, keeping the provider's code and message.</summary>
    public UserRegistryException ToException()
    {
        var text = Message is null ? $"the provider answered code {Code}." : $"the provider answered code {Code}: {Message}";
        return ProviderErrors.Create(
            _call,
            ErrorKind,
            text,
            status: _response.Status,
            providerCode: Code,
            providerMessage: Message,
            retryAfter: _response.RetryAfter);
    }

    private UserRegistryErrorKind Classify()
    {
        var byCode = ProviderErrors.ForWrite(_call, McCrmErrorTable.Classify(Code, Message));
        if (_response.IsSuccessStatus)
        {
            return byCode;
        }

        // The status decides (429, 401, 5xx on a write…), unless it is a 4xx that says no more than the code does.
        var byStatus = ProviderErrors.FromStatus(_call, _response.Status, _response.RetryAfter).Kind;
        return byStatus == UserRegistryErrorKind.ProtocolError && byCode != UserRegistryErrorKind.Unknown ? byCode : byStatus;
    }

    private static McCrmEnvelope? TryParse(ProviderResponse response, ProviderCall call, out string problem)
    {
        problem = string.Empty;
        if (response.Body is not JObject envelope)
        {
            problem = $"expected a JSON object envelope but got {response.Body.Type}.";
            return null;
        }

        var code = envelope["code"] switch
        {
            JValue { Type: JTokenType.String } text when !string.IsNullOrWhiteSpace((string?)text) => ((string)text!).Trim(),
            JValue { Type: JTokenType.Integer } number => Convert.ToString(number.Value, CultureInfo.InvariantCulture),
            _ => null,
        };
        if (code is null)
        {
            problem = "the envelope has no text or integer 'code'.";
            return null;
        }

        bool? success;
        switch (envelope["success"])
        {
            case null or { Type: JTokenType.Null }:
                success = null;
                break;
            case JValue { Type: JTokenType.Boolean } flag:
                success = (bool)flag;
                break;
            default:
                problem = "the envelope's 'success' is not a boolean.";
                return null;
        }

        var data = envelope["data"] is { Type: not JTokenType.Null } token ? token : null;
        return new McCrmEnvelope(response, call, code, WireJson.ToExtraText(envelope["msg"]), data, success);
    }
}
