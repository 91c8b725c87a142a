using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace BrokerAdapters.McCrm.Tests.TestSupport;

/// <summary>
/// Builds the registry the way an application does (configuration → <c>AddUserRegistry</c> → <c>AddMcCrm</c>), with
/// MockHttp as the primary handler. Every request that reaches the handler is captured, matched or not.
/// </summary>
internal sealed class McCrmTestHost : IDisposable
{
    public const string BaseUrl = "https://crm.test/mc-crm/";
    public const string SignupUrl = "https://crm.test/mc-crm/openapi/v1/user/signup";
    public const string QueryUidUrl = "https://crm.test/mc-crm/openapi/v1/user/query/uid";
    public const string Token = "tok-5b1e0c7d9a2f4e68c3";
    public const string BizName = "ACME";

    private McCrmTestHost(Dictionary<string, string?> settings)
    {
        Http.Fallback.Respond(async request =>
        {
            Requests.Enqueue(await CapturedRequest.ReadAsync(request));
            return new HttpResponseMessage(HttpStatusCode.NotImplemented) { Content = new StringContent("no stub for this request") };
        });

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(() => Http));
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public MockHttpMessageHandler Http { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public CapturingLoggerProvider Logs { get; } = new();

    public ServiceProvider Services { get; }

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    public IUserRegistry Registry => Services.GetRequiredService<IUserRegistry>();

    public CapturedRequest SingleRequest
    {
        get
        {
            Assert.That(Requests, Has.Count.EqualTo(1), "exactly one request was sent");
            return Requests.Single();
        }
    }

    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["UserRegistry:Provider"] = "McCrm",
        ["UserRegistry:McCrm:Resilience:RetryDelay"] = "00:00:00.001",
        ["UserRegistry:McCrm:Resilience:MaxRetryDelay"] = "00:00:00.020",
        ["UserRegistry:McCrm:BaseUrl"] = BaseUrl,
        ["UserRegistry:McCrm:Token"] = Token,
        ["UserRegistry:McCrm:PublicKey"] = TestKeys.PublicKeyPem,
        ["UserRegistry:McCrm:BizName"] = BizName,
    };

    public static McCrmTestHost Create(Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = DefaultSettings();
        configure?.Invoke(settings);
        return new McCrmTestHost(settings);
    }

    /// <summary>Answers POSTs to <paramref name="url"/> with <paramref name="body"/>, capturing each request.</summary>
    public MockedRequest Answer(
        string url,
        string body,
        HttpStatusCode status = HttpStatusCode.OK,
        string mediaType = "application/json",
        Action<HttpResponseMessage>? configure = null) =>
        Http.When(HttpMethod.Post, url).Respond(async request =>
        {
            Requests.Enqueue(await CapturedRequest.ReadAsync(request));
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            configure?.Invoke(response);
            return response;
        });

    /// <summary>Answers POSTs to <paramref name="url"/> with whatever <paramref name="respond"/> builds, capturing each request.</summary>
    public MockedRequest Answer(string url, Func<HttpResponseMessage> respond) =>
        Http.When(HttpMethod.Post, url).Respond(async request =>
        {
            Requests.Enqueue(await CapturedRequest.ReadAsync(request));
            return respond();
        });

    public MockedRequest AnswerSignup(string body, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json", Action<HttpResponseMessage>? configure = null) =>
        Answer(SignupUrl, body, status, mediaType, configure);

    public MockedRequest AnswerQueryUid(string body, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json", Action<HttpResponseMessage>? configure = null) =>
        Answer(QueryUidUrl, body, status, mediaType, configure);

    public void Dispose()
    {
        Services.Dispose();
        Http.Dispose();
        Logs.Dispose();
    }
}
