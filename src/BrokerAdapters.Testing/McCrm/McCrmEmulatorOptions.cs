using System.Security.Cryptography;

namespace BrokerAdapters.Testing;

/// <summary>How a <see cref="McCrmEmulator"/> behaves.</summary>
public sealed class McCrmEmulatorOptions
{
    /// <summary>Gets or sets the clock; the system clock when <see langword="null"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets the merchant token clients must send; a random one when <see langword="null"/>.</summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets the merchant's business name. Defaults to <c>MFT</c>.</summary>
    public string BizName { get; set; } = "MFT";

    /// <summary>Gets or sets the RSA key size of the merchant key pair. Defaults to 1024, as MC-CRM's sample implies.</summary>
    public int KeySize { get; set; } = 1024;

    /// <summary>Gets or sets the padding the emulator decrypts passwords with. Defaults to PKCS#1 v1.5.</summary>
    public RSAEncryptionPadding Padding { get; set; } = RSAEncryptionPadding.Pkcs1;

    /// <summary>Gets or sets which envelope the emulator answers with.</summary>
    public McCrmEnvelopeStyle EnvelopeStyle { get; set; } = McCrmEnvelopeStyle.StringCode;

    /// <summary>Gets or sets the per-minute limit per endpoint; <see langword="null"/> (the default) for none.</summary>
    public int? RateLimitPerMinute { get; set; }
}
