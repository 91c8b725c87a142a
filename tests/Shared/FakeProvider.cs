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
    private readonly Dictionary<string, Queue<Func<RecordedRequest, Task<HttpResponseMessage>>>> _answers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public FakeProvider()
    {
        // Not an async lambda: MockHttp passes on an exception thrown at once, but never completes a faulted task.
        Handler.Fallback.Respond(request =>
        {
            var recorded = Record(request);
            Func<RecordedRequest, Task<HttpResponseMessage>> answer;
            lock (_lock)
            {
                if (!_answers.TryGetValue(recorded.Uri.GetLeftPart(UriPartial.Path), out var queue) || queue.Count == 0)
                {
                    return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotImplemented)
                    {
                        Content = new StringContent($"no answer for {recorded.Uri}"),
                    });
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

    public void Answer(string url, Func<RecordedRequest, HttpResponseMessage> answer) =>
        Enqueue(url, recorded => Task.FromResult(answer(recorded)));

    /// <summary>Makes every request to <paramref name="url"/> fail inside the handler, as a broken connection does.</summary>
    public void Fail(string url, Exception exception) => Handler.When(HttpMethod.Post, url).Throw(exception);

    /// <summary>Queues an answer that fails inside the handler with <paramref name="exception"/> (the request is recorded).</summary>
    public void Throw(string url, Exception exception) => Enqueue(url, _ => throw exception);

    /// <summary>Queues an answer that never comes: the request is recorded and hangs until the client gives up on it.</summary>
    public void Hang(string url) =>
        Enqueue(url, _ => new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously).Task);

    public void AnswerJson(string url, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        Answer(url, _ => Json(json, status));

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public void Dispose() => Handler.Dispose();

    private void Enqueue(string url, Func<RecordedRequest, Task<HttpResponseMessage>> answer)
    {
        lock (_lock)
        {
            if (!_answers.TryGetValue(url, out var queue))
            {
                _answers[url] = queue = new Queue<Func<RecordedRequest, Task<HttpResponseMessage>>>();
            }

            queue.Enqueue(answer);
        }
    }

    private RecordedRequest Record(HttpRequestMessage request)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }
        }

        // The library sends string content, which is read without waiting.
        var body = request.Content is null ? string.Empty : request.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body);
        lock (_lock)
        {
            Requests.Add(recorded);
        }

        return recorded;
    }
}
