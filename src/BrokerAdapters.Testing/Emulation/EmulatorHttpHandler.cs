namespace BrokerAdapters.Testing;

/// <summary>
/// The handler applications plug into their HttpClient. It passes requests to the emulator's MockHttp handler
/// (without owning it, so an <c>IHttpClientFactory</c> that rotates handlers cannot dispose the emulator) and turns
/// a "drop the response" fault into the connection failure a client would see.
/// </summary>
internal sealed class EmulatorHttpHandler : HttpMessageHandler
{
    internal static readonly HttpRequestOptionsKey<bool> DropKey = new("BrokerAdapters.Testing.Drop");

    internal static readonly HttpRequestOptionsKey<bool> RefuseKey = new("BrokerAdapters.Testing.Refuse");

    private readonly HttpMessageInvoker _invoker;

    public EmulatorHttpHandler(HttpMessageHandler mock) => _invoker = new HttpMessageInvoker(mock, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await _invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Options.TryGetValue(RefuseKey, out var refuse) && refuse)
        {
            response.Dispose();
            throw new HttpRequestException(
                HttpRequestError.ConnectionError,
                "The emulator refused the connection (injected fault); the request was not sent.",
                new IOException("Connection refused"));
        }

        if (request.Options.TryGetValue(DropKey, out var drop) && drop)
        {
            response.Dispose();
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                "The emulator dropped the connection (injected fault).",
                new IOException("Connection reset by peer"));
        }

        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _invoker.Dispose();
        }

        base.Dispose(disposing);
    }
}
