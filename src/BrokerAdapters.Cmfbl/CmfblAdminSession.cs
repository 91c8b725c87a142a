namespace BrokerAdapters.Cmfbl;

/// <summary>An admin token and the company public key that came with it. <see cref="ToString"/> hides the token.</summary>
internal sealed class CmfblAdminSession
{
    public CmfblAdminSession(string token, string? publicKey)
    {
        Token = token;
        PublicKey = publicKey;
    }

    public string Token { get; }

    public string? PublicKey { get; }

    public override string ToString() => "CmfblAdminSession { Token = *** }";
}
