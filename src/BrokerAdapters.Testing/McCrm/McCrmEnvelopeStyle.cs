namespace BrokerAdapters.Testing;

/// <summary>Which of MC-CRM's two documented envelopes a <see cref="McCrmEmulator"/> answers with.</summary>
public enum McCrmEnvelopeStyle
{
    /// <summary><c>{"code": "0", "msg": "ok", "data": …, "success": true}</c>, as the signup sample shows.</summary>
    StringCode,

    /// <summary><c>{"code": 200, "msg": …, "data": …}</c>, as the connection page documents (303 parameter error, 500 server error).</summary>
    NumericCode,
}
