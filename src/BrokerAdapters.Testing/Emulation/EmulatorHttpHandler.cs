namespace BrokerAdapters.Testing;

/// <summary>
/// The handler applications plug into their HttpClient. It passes requests to the emulator's MockHttp handler
/// (without owning it, so an <c>IHttpClientFactory</c> that rotates handlers cannot dispose the emulator) and turns
/// a "drop the response" fault into the connection failure a client would see.
/// </summary>
internal sealed class EmulatorHttpHandler : HttpMessageHandler
{
    internal static readonly HttpRequestOptionsKey<bool> DropKey = new("BrokerAdapters.Testing.Drop");

    private readonly HttpMessageInvoker _invoker;

    public EmulatorHttpHandler(HttpMessageHandler mock) => _invoker = new HttpMessageInvoker(mock, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await _invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Options.TryGetValue(DropKey, out var drop) && drop)
        {
            response.Dispose();
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                "The emulator applied the request and then dropped the connection (injected fault).");
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
