using System.Security.Cryptography;
using System.Text;
using BrokerAdapters.Testing.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BrokerAdapters.Contracts.Tests.TestSupport;

/// <summary>The MC-CRM registry built through DI over a <see cref="FakeProvider"/> answering canned fixtures.</summary>
internal sealed class McCrmContractHost : IDisposable
{
    public const string BaseUrl = "https://gateway.mccrm.contract.test/mc-crm/";
    public const string Token = "contract-test-token";
    public const string SignupPath = "/openapi/v1/user/signup";
    public const string QueryUidPath = "/openapi/v1/user/query/uid";

    private McCrmContractHost(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(() => Provider.Handler));
        Services = services.BuildServiceProvider();
        Provider.AnswerJson(UrlOf(SignupPath), Fixtures.Text("mccrm", "signup.response.json"));
        Provider.AnswerJson(UrlOf(QueryUidPath), Fixtures.Text("mccrm", "query-uid.response.json"));
    }

    /// <summary>Gets the merchant key pair of this test run (1024 bits, as the provider's sample ciphertext implies).</summary>
    public static RSA MerchantKey { get; } = RSA.Create(1024);

    public FakeProvider Provider { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; }

    public IUserRegistry Registry => Services.GetRequiredService<IUserRegistry>();

    public static McCrmContractHost Create(Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["UserRegistry:Provider"] = "McCrm",
            ["UserRegistry:McCrm:Resilience:RetryDelay"] = "00:00:00.001",
            ["UserRegistry:McCrm:Resilience:MaxRetryDelay"] = "00:00:00.020",
            ["UserRegistry:McCrm:BaseUrl"] = BaseUrl,
            ["UserRegistry:McCrm:Token"] = Token,
            ["UserRegistry:McCrm:PublicKey"] = MerchantKey.ExportSubjectPublicKeyInfoPem(),
            ["UserRegistry:McCrm:BizName"] = "ACME",
        };
        configure?.Invoke(settings);
        return new McCrmContractHost(settings);
    }

    public static string UrlOf(string path) => BaseUrl.TrimEnd('/') + path;

    public static string DecryptPassword(string base64, RSAEncryptionPadding padding) =>
        Encoding.UTF8.GetString(MerchantKey.Decrypt(Convert.FromBase64String(base64), padding));

    public void Dispose()
    {
        Services.Dispose();
        Provider.Dispose();
    }
}
