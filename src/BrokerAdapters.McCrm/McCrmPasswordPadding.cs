namespace BrokerAdapters.McCrm;

/// <summary>The RSA padding MC-CRM's signup endpoint expects for the encrypted password.</summary>
/// <remarks>
/// MC-CRM does not document its padding. Its sample ciphertext fits a 1024-bit key, and Java's default <c>RSA</c>
/// cipher is PKCS#1 v1.5, hence the default; ask the merchant's MC-CRM contact when signups fail with a password error.
/// </remarks>
public enum McCrmPasswordPadding
{
    /// <summary>PKCS#1 v1.5 encryption padding (Java's <c>RSA/ECB/PKCS1Padding</c>), the default.</summary>
    Pkcs1,

    /// <summary>OAEP with SHA-1 (Java's <c>RSA/ECB/OAEPWithSHA-1AndMGF1Padding</c>).</summary>
    OaepSha1,

    /// <summary>OAEP with SHA-256 for both the digest and MGF1.</summary>
    OaepSha256,
}
