namespace BrokerAdapters.Cmfbl;

/// <summary>An admin token, the company public key that came with it, and until when it is used. <see cref="ToString"/> hides the token.</summary>
internal sealed class CmfblAdminSession
{
    public CmfblAdminSession(CmfblStoredToken stored)
    {
        Stored = stored;
    }

    public CmfblStoredToken Stored { get; }

    public string Token => Stored.Token;

    public string? PublicKey => Stored.PublicKey;

    public DateTimeOffset ExpiresAt => Stored.ExpiresAt;

    /// <summary>Whether this session carries the same token as <paramref name="other"/>.</summary>
    public bool SameToken(CmfblAdminSession? other) => other is not null && string.Equals(Token, other.Token, StringComparison.Ordinal);

    public override string ToString() => "CmfblAdminSession { Token = *** }";
}
