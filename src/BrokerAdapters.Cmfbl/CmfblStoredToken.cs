using System.Globalization;

namespace BrokerAdapters.Cmfbl;

/// <summary>
/// A CMFBL admin token as an <see cref="ICmfblTokenStore"/> keeps it: the token, the company public key that
/// came with it, and when it was obtained and stops being used. <see cref="ToString"/> never shows the token.
/// </summary>
public sealed record CmfblStoredToken
{
    /// <summary>Creates a stored token.</summary>
    /// <param name="token">The admin token.</param>
    /// <param name="publicKey">The company public key returned with it, or <see langword="null"/>.</param>
    /// <param name="obtainedAt">When CMFBL issued it.</param>
    /// <param name="expiresAt">When registries stop using it and obtain another; later than <paramref name="obtainedAt"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="token"/> is empty, or <paramref name="expiresAt"/> is not later than <paramref name="obtainedAt"/>.</exception>
    public CmfblStoredToken(string token, string? publicKey, DateTimeOffset obtainedAt, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        if (expiresAt <= obtainedAt)
        {
            throw new ArgumentException("The expiry must be later than the time the token was obtained.", nameof(expiresAt));
        }

        Token = token;
        PublicKey = string.IsNullOrWhiteSpace(publicKey) ? null : publicKey;
        ObtainedAt = obtainedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the admin token, sent in the <c>token</c> header. A secret: never log it.</summary>
    public string Token { get; }

    /// <summary>Gets the company public key returned with the token (base64 SubjectPublicKeyInfo), or <see langword="null"/>.</summary>
    public string? PublicKey { get; }

    /// <summary>Gets when CMFBL issued the token.</summary>
    public DateTimeOffset ObtainedAt { get; }

    /// <summary>Gets when registries stop using the token and obtain another.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <inheritdoc />
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "CmfblStoredToken {{ Token = ***, PublicKey = {0}, ObtainedAt = {1:O}, ExpiresAt = {2:O} }}",
        PublicKey is null ? "(none)" : "(set)",
        ObtainedAt,
        ExpiresAt);
}
