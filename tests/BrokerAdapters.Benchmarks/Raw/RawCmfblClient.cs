using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;

namespace BrokerAdapters.Benchmarks.Raw;

/// <summary>Where a hand-written CMFBL client goes, and as whom.</summary>
internal sealed record RawCmfblSettings(string BaseUrl, string CompanyId, string AppId, string AppSecret);

/// <summary>
/// The baseline: CMFBL's calls written by hand with <see cref="HttpClient"/> and Newtonsoft.Json — the same URLs,
/// headers and body fields as the library, the MD5 password, the envelope checked and the caller's fields read into a
/// small POCO, and nothing else (no validation, mapping, retries, rate limit, logging or typed errors).
/// </summary>
internal sealed class RawCmfblClient
{
    private static readonly JsonSerializerSettings WriteSettings = new() { NullValueHandling = NullValueHandling.Ignore };
    private static readonly JsonSerializer Reader = JsonSerializer.CreateDefault();

    private readonly HttpClient _http;
    private readonly RawCmfblSettings _settings;
    private readonly string _managerBase;
    private readonly string _loginUrl;
    private string? _token;

    public RawCmfblClient(HttpClient http, RawCmfblSettings settings)
    {
        _http = http;
        _settings = settings;
        _managerBase = settings.BaseUrl.TrimEnd('/') + "/openapi-b/";
        _loginUrl = settings.BaseUrl.TrimEnd('/') + "/api/login/customer.app.CustomerWebApiService.login";
    }

    public async Task AuthenticateAdminAsync(CancellationToken cancellationToken = default)
    {
        var auth = await PostAsync<RawCmfblAuth>(
            _managerBase + "auth/admin.admin.CompanyAuthDubboService.auth",
            new { appId = _settings.AppId, appSecret = _settings.AppSecret },
            token: null,
            cancellationToken).ConfigureAwait(false);
        _token = auth?.Token ?? throw new RawApiException("no token");
    }

    public async Task<RawCmfblCustomer> RegisterAsync(NewCustomer customer, CancellationToken cancellationToken = default)
    {
        var body = new RawCreateCustomer
        {
            Phone = customer.Phone!.Number,
            PhoneArea = customer.Phone.CountryCode,
            Email = customer.Email,
            Pwd = Md5(customer.Password!),
            Country = customer.Country,
            RegisterSource = customer.Source is RegistrationSource.PcWeb ? 2 : 3,
            CustomerGroupId = 1,
            TradeTypeCurrencyList = [new RawTradeTypeCurrency { AllCurrency = "USDT", TradeType = "1" }],
            ThirdServerCode = customer.ExternalId,
        };
        var number = await AdminAsync<string>("customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc", body, cancellationToken).ConfigureAwait(false);
        return await FindAsync(number ?? throw new RawApiException("no number"), cancellationToken).ConfigureAwait(false)
            ?? throw new RawApiException("created but not found");
    }

    public async Task<bool> ExistsByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var answer = await AdminAsync<int>("customer.app.CustomerWebApiService.checkCustomerExist", new { type = 1, loginName = email }, cancellationToken).ConfigureAwait(false);
        return answer == 1;
    }

    public async Task<RawCmfblCustomer?> FindAsync(string number, CancellationToken cancellationToken = default)
    {
        var page = await AdminAsync<RawCmfblPage>("customer.admin.WhiteCustomerAdminApiService.page", new { customerNo = number, size = 20, current = 1 }, cancellationToken).ConfigureAwait(false);
        var record = page?.Records?.FirstOrDefault(r => r.CustomerNo == number);
        if (record is null)
        {
            return null;
        }

        return await AdminAsync<RawCmfblCustomer>(
            "customer.admin.WhiteCustomerAdminApiService.detail",
            new { type = "baseInfo", id = record.Id, customerNo = number },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<List<RawCmfblCustomer>> ListPageAsync(int size, CancellationToken cancellationToken = default)
    {
        var page = await AdminAsync<RawCmfblPage>("customer.admin.WhiteCustomerAdminApiService.page", new { customerNo = (string?)null, size, current = 1 }, cancellationToken).ConfigureAwait(false);
        return page?.Records ?? [];
    }

    public Task<RawCmfblLogin?> LoginByEmailAsync(string email, string password, CancellationToken cancellationToken = default) =>
        PostAsync<RawCmfblLogin>(_loginUrl, new { type = 1, loginName = email, device = 3, isThird = false, loginPwd = Md5(password) }, token: null, cancellationToken);

    private Task<T?> AdminAsync<T>(string bizType, object body, CancellationToken cancellationToken) =>
        PostAsync<T>(_managerBase + bizType, body, _token, cancellationToken);

    private async Task<T?> PostAsync<T>(string url, object body, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(JsonConvert.SerializeObject(body, WriteSettings), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("trace", "t-" + Guid.NewGuid().ToString("N"));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("token", token);
        }

        request.Headers.TryAddWithoutValidation("version", "0.0.1");
        request.Headers.TryAddWithoutValidation("companyId", _settings.CompanyId);
        request.Headers.TryAddWithoutValidation("lang", "en-US");
        request.Headers.TryAddWithoutValidation("timestamp", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var text = new StreamReader(stream, Encoding.UTF8);
            using var json = new JsonTextReader(text);
            var envelope = Reader.Deserialize<RawCmfblEnvelope<T>>(json) ?? throw new RawApiException("empty answer");
            return envelope.Code == "0" ? envelope.Data : throw new RawApiException($"CMFBL answered {envelope.Code}: {envelope.Msg}");
        }
    }

    private static string Md5(string password)
    {
#pragma warning disable CA5351 // CMFBL's wire format
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5351
    }

    private sealed class RawCreateCustomer
    {
        [JsonProperty("phone")]
        public string? Phone { get; init; }

        [JsonProperty("phoneArea")]
        public string? PhoneArea { get; init; }

        [JsonProperty("email")]
        public string? Email { get; init; }

        [JsonProperty("pwd")]
        public string? Pwd { get; init; }

        [JsonProperty("country")]
        public string? Country { get; init; }

        [JsonProperty("registerSource")]
        public int RegisterSource { get; init; }

        [JsonProperty("customerGroupId")]
        public long CustomerGroupId { get; init; }

        [JsonProperty("tradeTypeCurrencyList")]
        public RawTradeTypeCurrency[]? TradeTypeCurrencyList { get; init; }

        [JsonProperty("thirdServerCode")]
        public string? ThirdServerCode { get; init; }
    }

    private sealed class RawTradeTypeCurrency
    {
        [JsonProperty("allCurrency")]
        public required string AllCurrency { get; init; }

        [JsonProperty("tradeType")]
        public required string TradeType { get; init; }
    }
}
