using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;

namespace BrokerAdapters.Benchmarks.Raw;

/// <summary>Where a hand-written MC-CRM client goes, and with which key (PEM or base64 SubjectPublicKeyInfo).</summary>
internal sealed record RawMcCrmSettings(string BaseUrl, string Token, string PublicKey, string BizName);

/// <summary>
/// The baseline for MC-CRM: signup and query-by-uid written by hand — the same URL, <c>token</c> header and body
/// fields, the password RSA-encrypted (PKCS#1 v1.5, key imported once), the envelope checked and the caller's fields
/// read into a small POCO.
/// </summary>
internal sealed class RawMcCrmClient : IDisposable
{
    private static readonly JsonSerializerSettings WriteSettings = new() { NullValueHandling = NullValueHandling.Ignore };
    private static readonly JsonSerializer Reader = JsonSerializer.CreateDefault();

    private readonly HttpClient _http;
    private readonly RawMcCrmSettings _settings;
    private readonly Uri _signup;
    private readonly Uri _queryUid;
    private readonly RSA _rsa;

    public RawMcCrmClient(HttpClient http, RawMcCrmSettings settings)
    {
        _http = http;
        _settings = settings;
        _signup = new Uri(settings.BaseUrl.TrimEnd('/') + "/openapi/v1/user/signup");
        _queryUid = new Uri(settings.BaseUrl.TrimEnd('/') + "/openapi/v1/user/query/uid");
        _rsa = RSA.Create();
        if (settings.PublicKey.StartsWith("-----", StringComparison.Ordinal))
        {
            _rsa.ImportFromPem(settings.PublicKey);
        }
        else
        {
            _rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(settings.PublicKey), out _);
        }
    }

    public Task<RawMcCrmUser?> SignupAsync(NewCustomer customer, CancellationToken cancellationToken = default)
    {
        var body = new RawSignup
        {
            BizName = _settings.BizName,
            ChannelName = string.Empty,
            CountryIds = customer.Country,
            Ip = customer.ClientIp,
            Password = Convert.ToBase64String(_rsa.Encrypt(Encoding.UTF8.GetBytes(customer.Password!), RSAEncryptionPadding.Pkcs1)),
            PhoneNumberPrefix = customer.Phone?.CountryCodeDigits,
            PhoneNumber = customer.Phone?.Number,
            TimeZone = customer.TimeZone,
            UserId = customer.ExternalId,
            UserName = customer.Name?.Formatted,
            Email = customer.Email,
            DateOfBirth = customer.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Address = customer.Address?.Line,
            City = customer.Address?.City,
            PostalCode = customer.Address?.PostalCode,
        };
        return PostAsync(_signup, body, cancellationToken);
    }

    public Task<RawMcCrmUser?> FindByUidAsync(string uid, CancellationToken cancellationToken = default) =>
        PostAsync(_queryUid, new { uid }, cancellationToken);

    public void Dispose() => _rsa.Dispose();

    private async Task<RawMcCrmUser?> PostAsync(Uri uri, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(JsonConvert.SerializeObject(body, WriteSettings), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("token", _settings.Token);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var text = new StreamReader(stream, Encoding.UTF8);
            using var json = new JsonTextReader(text);
            var envelope = Reader.Deserialize<RawMcCrmEnvelope<RawMcCrmUser>>(json) ?? throw new RawApiException("empty answer");
            return envelope.Code is "0" or "200" && envelope.Success != false
                ? envelope.Data
                : throw new RawApiException($"MC-CRM answered {envelope.Code}: {envelope.Msg}");
        }
    }

    private sealed class RawSignup
    {
        [JsonProperty("bizName")]
        public string? BizName { get; init; }

        [JsonProperty("channelName")]
        public string? ChannelName { get; init; }

        [JsonProperty("countryIds")]
        public string? CountryIds { get; init; }

        [JsonProperty("ip")]
        public string? Ip { get; init; }

        [JsonProperty("password")]
        public string? Password { get; init; }

        [JsonProperty("phoneNumberPrefix")]
        public string? PhoneNumberPrefix { get; init; }

        [JsonProperty("phoneNumber")]
        public string? PhoneNumber { get; init; }

        [JsonProperty("timeZone")]
        public string? TimeZone { get; init; }

        [JsonProperty("userId")]
        public string? UserId { get; init; }

        [JsonProperty("userName")]
        public string? UserName { get; init; }

        [JsonProperty("email")]
        public string? Email { get; init; }

        [JsonProperty("dateOfBirth")]
        public string? DateOfBirth { get; init; }

        [JsonProperty("address")]
        public string? Address { get; init; }

        [JsonProperty("city")]
        public string? City { get; init; }

        [JsonProperty("postalCode")]
        public string? PostalCode { get; init; }
    }
}
