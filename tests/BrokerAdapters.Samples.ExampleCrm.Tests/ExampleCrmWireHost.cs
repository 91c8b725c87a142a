using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;

namespace BrokerAdapters.Samples.ExampleCrm.Tests;

/// <summary>
/// The provider built through DI as an application builds it, over a MockHttp handler that records every request
/// and answers what the test queued for that method and path.
/// </summary>
public sealed class ExampleCrmWireHost : IDisposable
{
    public const string BaseUrl = "https://api.example-crm.example/";
    public const string ApiKey = "ek_test_4f9a1c";

    private readonly ServiceProvider _services;
    private readonly List<RecordedRequest> _requests = [];

    private ExampleCrmWireHost(Action<Dictionary<string, string?>>? configure)
    {
        var settings = new Dictionary<string, string?>
        {
            ["UserRegistry:Provider"] = "ExampleCrm",
            ["UserRegistry:ExampleCrm:BaseUrl"] = BaseUrl,
            ["UserRegistry:ExampleCrm:ApiKey"] = ApiKey,
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection()
            .AddUserRegistry(configuration.GetSection("UserRegistry"))
            .AddExampleCrm(http => http.ConfigurePrimaryHttpMessageHandler(() => new NonDisposingHandler(Mock)))
            .Services
            .BuildServiceProvider();
        Registry = _services.GetRequiredService<IUserRegistry>();
    }

    public MockHttpMessageHandler Mock { get; } = new();

    public IUserRegistry Registry { get; }

    public IReadOnlyList<RecordedRequest> Requests => _requests;

    public RecordedRequest SingleRequest => _requests.Count == 1 ? _requests[0] : throw new AssertionException($"{_requests.Count} requests were sent, not one.");

    public static ExampleCrmWireHost Create(Action<Dictionary<string, string?>>? configure = null) => new(configure);

    /// <summary>Answers the next request to <paramref name="path"/> (any query) with <paramref name="json"/>.</summary>
    public void Answer(HttpMethod method, string path, HttpStatusCode status, string json, string contentType = "application/json", string? requestId = "req_7d2e")
    {
        Mock.Expect(method, BaseUrl + path).Respond(async request =>
        {
            _requests.Add(await RecordedRequest.FromAsync(request));
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, contentType) };
            if (requestId is not null)
            {
                response.Headers.Add("X-Request-Id", requestId);
            }

            return response;
        });
    }

    public void Dispose()
    {
        _services.Dispose();
        Mock.Dispose();
    }

    /// <summary>Keeps the MockHttp handler alive when the HttpClient factory disposes the handler it built.</summary>
    private sealed class NonDisposingHandler(HttpMessageHandler inner) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _inner = new(inner, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _inner.SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
