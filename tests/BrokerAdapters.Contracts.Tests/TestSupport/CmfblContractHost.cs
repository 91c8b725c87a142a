using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using BrokerAdapters.Cmfbl;
using BrokerAdapters.Testing.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Contracts.Tests.TestSupport;

/// <summary>
/// The CMFBL registry built through DI as an application builds it, over a <see cref="FakeProvider"/> that answers
/// each URL with a canned fixture. The bizTypes are spelled out here, not taken from the library, so that a renamed
/// constant in the library shows up as a request the contract does not describe.
/// </summary>
internal sealed class CmfblContractHost : IDisposable
{
    public const string BaseUrl = "https://manager.cmfbl.contract.test";
    public const string ClientBaseUrl = "https://client.cmfbl.contract.test";
    public const long Now = 1732530000000;

    public const string AuthPath = "/openapi-b/auth/admin.admin.CompanyAuthDubboService.auth";
    public const string CreatePath = "/openapi-b/customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc";
    public const string ExistsPath = "/openapi-b/customer.app.CustomerWebApiService.checkCustomerExist";
    public const string PagePath = "/openapi-b/customer.admin.WhiteCustomerAdminApiService.page";
    public const string DetailPath = "/openapi-b/customer.admin.WhiteCustomerAdminApiService.detail";
    public const string GroupListPath = "/openapi-b/customer.admin.CustomerGroupAdminApiService.groupList";
    public const string LoginPath = "/api/login/customer.app.CustomerWebApiService.login";
    public const string AccountListPath = "/openapi-b/customer.admin.CustomerAdminApiService.queryAccountList";
    public const string VerifyCodeSendPath = "/api/global/message.app.VerificationApiService.verifyCodeSend";
    public const string RegisterPath = "/api/register/customer.app.CustomerWebApiService.register";
    public const string RandomKeyPath = "/api/global/thirdExt/randomKey";
    public const string SwitchAccountPath = "/api/thirdExt/switchAccount";
    public const string ResetAccountPath = "/api/global/customer.app.CustomerDubboApiService.resetAccount";

    /// <summary>The answer each URL gets unless a test queued its own.</summary>
    private static readonly (string Url, string Fixture)[] DefaultAnswers =
    [
        (BaseUrl + AuthPath, "auth.response.json"),
        (BaseUrl + CreatePath, "create-customer.response.json"),
        (BaseUrl + ExistsPath, "check-exist.response.exists.json"),
        (BaseUrl + PagePath, "page-by-number.response.json"),
        (BaseUrl + DetailPath, "detail.response.json"),
        (BaseUrl + GroupListPath, "group-list.response.json"),
        (ClientBaseUrl + LoginPath, "login.response.json"),
        (BaseUrl + AccountListPath, "account-list.response.json"),
        (ClientBaseUrl + VerifyCodeSendPath, "verify-code-send.response.json"),
        (ClientBaseUrl + RegisterPath, "register.response.json"),
        (ClientBaseUrl + RandomKeyPath, "random-key.response.json"),
        (ClientBaseUrl + SwitchAccountPath, "switch-account.response.json"),
        (ClientBaseUrl + ResetAccountPath, "reset-account.response.json"),
    ];

    private readonly HashSet<string> _answered = new(StringComparer.Ordinal);

    private CmfblContractHost(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(() => Provider.Handler));
        Services = services.BuildServiceProvider();
    }

    /// <summary>Gets the company key pair of this test run: the library gets the public half, the tests decrypt.</summary>
    public static RSA CompanyKey { get; } = RSA.Create(1024);

    public FakeProvider Provider { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(Now));

    public ServiceProvider Services { get; }

    public ICmfblUserRegistry Registry => Services.GetRequiredService<ICmfblUserRegistry>();

    public static CmfblContractHost Create(bool encrypted, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["UserRegistry:Provider"] = "Cmfbl",
            ["UserRegistry:Cmfbl:Resilience:RetryDelay"] = "00:00:00.001",
            ["UserRegistry:Cmfbl:Resilience:MaxRetryDelay"] = "00:00:00.020",
            ["UserRegistry:Cmfbl:BaseUrl"] = BaseUrl,
            ["UserRegistry:Cmfbl:ClientBaseUrl"] = ClientBaseUrl,
            ["UserRegistry:Cmfbl:CompanyId"] = "360",
            ["UserRegistry:Cmfbl:AppId"] = "test-app-id",
            ["UserRegistry:Cmfbl:AppSecret"] = "test-app-secret",
            ["UserRegistry:Cmfbl:Lang"] = "en-US",
            ["UserRegistry:Cmfbl:TradeTypeCurrencies:0:TradeType"] = "1",
            ["UserRegistry:Cmfbl:TradeTypeCurrencies:0:Currency"] = "USDT",
        };
        if (encrypted)
        {
            settings["UserRegistry:Cmfbl:Encryption"] = "Rsa";
            settings["UserRegistry:Cmfbl:PublicKey"] = Convert.ToBase64String(CompanyKey.ExportSubjectPublicKeyInfo());
        }

        configure?.Invoke(settings);
        return new CmfblContractHost(settings);
    }

    /// <summary>Queues <paramref name="json"/> as the next answer to <paramref name="path"/> (on the Manager or Client host).</summary>
    public void Answer(string path, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        var url = UrlOf(path);
        Provider.AnswerJson(url, json, status);
        _answered.Add(url);
    }

    public void AnswerFixture(string path, string fixture) => Answer(path, Fixtures.Text("cmfbl", fixture));

    /// <summary>Answers every URL no test queued an answer for with its default fixture.</summary>
    public void AnswerDefaults()
    {
        foreach (var (url, fixture) in DefaultAnswers)
        {
            if (_answered.Add(url))
            {
                Provider.AnswerJson(url, Fixtures.Text("cmfbl", fixture));
            }
        }
    }

    public static string UrlOf(string path) => HostOf(path) + path;

    /// <summary>The host a path lives on: the Client API's for <c>/api/…</c>, the Manager API's otherwise.</summary>
    public static string HostOf(string path) => IsClientApi(path) ? ClientBaseUrl : BaseUrl;

    /// <summary>Whether the library may encrypt calls to <paramref name="path"/> (the Manager API calls made with the admin token).</summary>
    public static bool IsEncryptable(string path) => path != AuthPath && !IsClientApi(path);

    private static bool IsClientApi(string path) => path.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>
    /// Undoes the encryption the contract describes, independently of the library: base64 blocks separated by
    /// commas, each RSA PKCS#1 v1.5 with the company key, concatenated and URL-decoded.
    /// </summary>
    public static (string Json, IReadOnlyList<string> Segments) Decrypt(string data)
    {
        var segments = data.Split(',')
            .Select(block => Encoding.ASCII.GetString(CompanyKey.Decrypt(Convert.FromBase64String(block), RSAEncryptionPadding.Pkcs1)))
            .ToArray();
        return (WebUtility.UrlDecode(string.Concat(segments)), segments);
    }

    /// <summary>
    /// The signature the contract describes, computed from the decrypted body alone: <c>timestamp=&lt;body's
    /// timestamp&gt;</c>, then every non-empty string or number member but <c>signature</c>, sorted by name in
    /// ordinal order, as <c>&amp;name=value</c>; upper-case hex MD5 of the UTF-8 text.
    /// </summary>
    public static string ExpectedSignature(JObject body)
    {
        var text = new StringBuilder("timestamp=").Append(((long)body["timestamp"]!).ToString(CultureInfo.InvariantCulture));
        foreach (var member in body.Properties().Where(p => p.Name != "signature").OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var value = member.Value.Type switch
            {
                JTokenType.String => (string?)member.Value,
                JTokenType.Integer or JTokenType.Float => member.Value.ToString(Formatting.None),
                _ => null,
            };
            if (!string.IsNullOrEmpty(value))
            {
                text.Append('&').Append(member.Name).Append('=').Append(value);
            }
        }

        return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public void Dispose()
    {
        Services.Dispose();
        Provider.Dispose();
    }
}
