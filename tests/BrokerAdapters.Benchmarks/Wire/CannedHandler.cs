using System.Net;
using System.Net.Http.Headers;

namespace BrokerAdapters.Benchmarks.Wire;

/// <summary>
/// The provider as a dictionary: each request path gets its precomputed answer bytes, so that what is measured is the
/// client's own work. The request body is read to the end, as a socket handler would send it; nothing is matched
/// beyond the path.
/// </summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    private readonly Dictionary<string, byte[]> _answers = new(StringComparer.Ordinal);
    private long _requests;

    /// <summary>Gets how many requests were answered.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Answers <paramref name="body"/> (JSON, 200) to every request for <paramref name="path"/>.</summary>
    public CannedHandler Answer(string path, byte[] body)
    {
        _answers[path] = body;
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Increment(ref _requests);
        if (!_answers.TryGetValue(request.RequestUri!.AbsolutePath, out var body))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request, Content = new ByteArrayContent([]) };
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content };
    }
}
