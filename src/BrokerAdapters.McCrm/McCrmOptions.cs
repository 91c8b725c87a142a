namespace BrokerAdapters.McCrm;

/// <summary>
/// The settings of the MC-CRM provider, bound from the registry section's <c>McCrm</c> sub-section
/// (e.g. <c>UserRegistry:McCrm</c>).
/// </summary>
/// <remarks>
/// MC-CRM sends its timestamps (<c>createTime</c>, <c>updateTime</c>, <c>lastLoginTime</c>) as Java
/// <c>LocalDateTime</c> text without an offset; this provider reads them as UTC. <see cref="ToString"/> never prints
/// <see cref="Token"/> or <see cref="PublicKey"/>.
/// </remarks>
/// <example>
/// <code>
/// "UserRegistry": {
///   "Provider": "McCrm",
///   "McCrm": {
///     "BaseUrl": "https://gateway.example.com/mc-crm/",
///     "Token": "(from a secret store)",
///     "PublicKey": "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ...",
///     "BizName": "MFT"
///   }
/// }
/// </code>
/// </example>
public sealed class McCrmOptions
{
    /// <summary>The name of the configuration sub-section these settings are bound from.</summary>
    public const string SectionName = "McCrm";

    /// <summary>
    /// Gets or sets the API's base URL, including its path prefix, e.g. <c>https://gateway.example.com/mc-crm/</c>.
    /// Required; an absolute http or https URL without query or fragment.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Gets or sets the merchant's access token, sent in the <c>token</c> header. Required; keep it in a secret store.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// Gets or sets the merchant's RSA public key that encrypts passwords, as PEM or as base64 SubjectPublicKeyInfo
    /// (X.509) DER. Required; the key must be large enough for a 20-character password under <see cref="Padding"/>.
    /// </summary>
    public string? PublicKey { get; set; }

    /// <summary>Gets or sets the RSA padding used to encrypt passwords. Defaults to <see cref="McCrmPasswordPadding.Pkcs1"/>.</summary>
    public McCrmPasswordPadding Padding { get; set; } = McCrmPasswordPadding.Pkcs1;

    /// <summary>Gets or sets the merchant's business name, sent as <c>bizName</c> on signup, e.g. <c>MFT</c>. Required.</summary>
    public string? BizName { get; set; }

    /// <summary>Gets or sets the channel name sent as <c>channelName</c> on signup. Defaults to the empty string (no channel).</summary>
    public string? ChannelName { get; set; } = string.Empty;

    /// <summary>
    /// Gets the retry, timeout, circuit-breaker and rate-limit settings (the <c>Resilience</c> sub-section). MC-CRM
    /// documents no rate limit, so none is set by default.
    /// </summary>
    public ProviderResilienceOptions Resilience { get; } = new();

    /// <inheritdoc />
    public override string ToString() =>
        $"McCrmOptions {{ BaseUrl = {BaseUrl}, BizName = {BizName}, ChannelName = {ChannelName}, Padding = {Padding}, " +
        $"Token = {Mask(Token)}, PublicKey = {Mask(PublicKey)} }}";

    private static string Mask(string? secret) => string.IsNullOrEmpty(secret) ? "(none)" : "***";
}
