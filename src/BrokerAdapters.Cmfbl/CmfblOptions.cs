namespace BrokerAdapters.Cmfbl;

/// <summary>Settings of the CMFBL provider (the <c>Cmfbl</c> sub-section of a registry's section).</summary>
public sealed class CmfblOptions
{
    /// <summary>The name of the configuration sub-section these settings are bound from.</summary>
    public const string SectionName = "Cmfbl";

    /// <summary>The largest page the Manager API serves.</summary>
    public const int MaxPageSize = 2000;

    /// <summary>Gets or sets the Manager API host, e.g. <c>https://api.example.com</c>; <c>/openapi-b/…</c> is appended.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Gets or sets the Client API host, e.g. <c>https://client.example.com</c>; <c>/api/…</c> is appended. It serves
    /// customer login, self-registration and customer sessions; without it, <see cref="IUserRegistry.AuthenticateAsync"/>
    /// is not offered and those <see cref="ICmfblUserRegistry"/> operations fail as not supported.
    /// </summary>
    public string? ClientBaseUrl { get; set; }

    /// <summary>Gets or sets the company (white label) id sent in the <c>companyId</c> header.</summary>
    public string? CompanyId { get; set; }

    /// <summary>Gets or sets the application id used to obtain the admin token.</summary>
    public string? AppId { get; set; }

    /// <summary>Gets or sets the application secret used to obtain the admin token. Never logged.</summary>
    public string? AppSecret { get; set; }

    /// <summary>Gets or sets the API version sent in the <c>version</c> header.</summary>
    public string Version { get; set; } = "0.0.1";

    /// <summary>Gets or sets the language sent in the <c>lang</c> header.</summary>
    public string Lang { get; set; } = "en-US";

    /// <summary>Gets or sets how request bodies are protected.</summary>
    public CmfblEncryption Encryption { get; set; } = CmfblEncryption.None;

    /// <summary>
    /// Gets or sets the company RSA public key (PEM or base64 SubjectPublicKeyInfo) for <see cref="CmfblEncryption.Rsa"/>.
    /// When not set, the key returned by admin authentication is used.
    /// </summary>
    public string? PublicKey { get; set; }

    /// <summary>Gets or sets the customer group new customers join when <see cref="NewCustomer.GroupId"/> is not set.</summary>
    public long CustomerGroupId { get; set; } = 1;

    /// <summary>Gets the trade types and currencies of the accounts opened at registration; they must match the customer group.</summary>
    public IList<CmfblTradeTypeCurrency> TradeTypeCurrencies { get; } = [];

    /// <summary>Gets or sets the registration source sent when <see cref="NewCustomer.Source"/> is not set.</summary>
    public RegistrationSource DefaultRegistrationSource { get; set; } = RegistrationSource.System;

    /// <summary>
    /// Gets or sets which API <see cref="IUserRegistry.RegisterAsync"/> uses: <see cref="CmfblRegistrationMode.Admin"/>
    /// (the default) or <see cref="CmfblRegistrationMode.SelfService"/>, which needs <see cref="ClientBaseUrl"/> and an
    /// <see cref="ICmfblVerificationCodeSource"/> service.
    /// </summary>
    public CmfblRegistrationMode RegistrationMode { get; set; } = CmfblRegistrationMode.Admin;

    /// <summary>Gets or sets the device reported when customers log in.</summary>
    public RegistrationSource LoginDevice { get; set; } = RegistrationSource.System;

    /// <summary>Gets or sets the page size <see cref="IUserRegistry.ListAsync"/> uses when the query does not set one (1 to 2000).</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>
    /// Gets or sets how long an admin token is used (and kept in the <see cref="ICmfblTokenStore"/>) before the next
    /// call obtains another; between one minute and one day, one hour by default. A token CMFBL reports expired
    /// sooner is renewed at once whatever this says.
    /// </summary>
    public TimeSpan AdminTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets the retry, timeout, circuit-breaker and rate-limit settings (the <c>Resilience</c> sub-section). The
    /// rate limit defaults to CMFBL's documented 300 requests a minute per endpoint.
    /// </summary>
    public ProviderResilienceOptions Resilience { get; } = new() { RateLimit = { PermitLimit = DocumentedRateLimit } };

    /// <summary>CMFBL's documented limit: requests per minute per endpoint.</summary>
    public const int DocumentedRateLimit = 300;

    /// <inheritdoc />
    public override string ToString() =>
        $"CmfblOptions {{ BaseUrl = {BaseUrl}, ClientBaseUrl = {ClientBaseUrl}, CompanyId = {CompanyId}, AppId = {AppId}, AppSecret = {(AppSecret is null ? "(none)" : "***")}, Encryption = {Encryption}, RegistrationMode = {RegistrationMode} }}";
}
