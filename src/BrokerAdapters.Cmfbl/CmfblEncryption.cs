namespace BrokerAdapters.Cmfbl;

/// <summary>How request bodies to the CMFBL Manager API are protected.</summary>
public enum CmfblEncryption
{
    /// <summary>Plain JSON bodies (the default).</summary>
    None,

    /// <summary>
    /// Signed bodies, RSA-encrypted with the company public key in segments, sent as <c>{"data": "…"}</c> with a
    /// trace that starts with <c>x-</c>.
    /// </summary>
    Rsa,
}
