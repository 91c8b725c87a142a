using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace BrokerAdapters.Testing.Support;

/// <summary>
/// A MockHttp handler that answers each URL from a queue of canned responses (the last one repeats) and records
/// every request. An unexpected URL fails the test.
/// </summary>
internal sealed class FakeProvider : IDisposable
{
    private readonly Dictionary<string, Queue<Func<RecordedRequest, HttpResponseMessage>>> _answers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public FakeProvider()
    {
        Handler.Fallback.Respond(async request =>
        {
            var recorded = await RecordAsync(request);
            Func<RecordedRequest, HttpResponseMessage> answer;
            lock (_lock)
            {
                if (!_answers.TryGetValue(recorded.Uri.GetLeftPart(UriPartial.Path), out var queue) || queue.Count == 0)
                {
                    return new HttpResponseMessage(HttpStatusCode.NotImplemented)
                    {
                        Content = new StringContent($"no answer for {recorded.Uri}"),
                    };
                }

                answer = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
            }

            return answer(recorded);
        });
    }

    public MockHttpMessageHandler Handler { get; } = new();

    public List<RecordedRequest> Requests { get; } = [];

    public IReadOnlyList<RecordedRequest> To(string url)
    {
        lock (_lock)
        {
            return Requests.Where(r => r.Uri.GetLeftPart(UriPartial.Path) == url).ToArray();
        }
    }

    public void Answer(string url, Func<RecordedRequest, HttpResponseMessage> answer)
    {
        lock (_lock)
        {
            if (!_answers.TryGetValue(url, out var queue))
            {
                _answers[url] = queue = new Queue<Func<RecordedRequest, HttpResponseMessage>>();
            }

            queue.Enqueue(answer);
        }
    }

    /// <summary>Makes every request to <paramref name="url"/> fail inside the handler, as a broken connection does.</summary>
    public void Fail(string url, Exception exception) => Handler.When(HttpMethod.Post, url).Throw(exception);

    public void AnswerJson(string url, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        Answer(url, _ => Json(json, status));

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public void Dispose() => Handler.Dispose();

    private async Task<RecordedRequest> RecordAsync(HttpRequestMessage request)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }
        }

        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync();
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body);
        lock (_lock)
        {
            Requests.Add(recorded);
        }

        return recorded;
    }
}
