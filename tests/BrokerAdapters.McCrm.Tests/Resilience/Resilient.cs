using System.Diagnostics;
using System.Net;
using System.Text;
using BrokerAdapters.McCrm.Tests.TestSupport;
using RichardSzalay.MockHttp;

namespace BrokerAdapters.McCrm.Tests.Resilience;

/// <summary>
/// Hosts with chosen <c>UserRegistry:McCrm:Resilience</c> settings, and scripted answers: each request to an endpoint
/// takes the next answer (the last one repeats) and is captured into <see cref="McCrmTestHost.Requests"/>.
/// </summary>
internal static class Resilient
{
    public const string Section = "UserRegistry:McCrm:Resilience:";

    public const string SignupUrl = McCrmTestHost.SignupUrl;

    public const string QueryUidUrl = McCrmTestHost.QueryUidUrl;

    /// <summary>Timers may fire up to a tick early against the stopwatch; lower bounds on waits allow for that.</summary>
    public static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(20);

    public static CustomerLookup Uid => CustomerLookup.ById("3f9d2c7e81b44a0f9c6e5d1a2b3c4d5e");

    public static McCrmTestHost Host(params (string Setting, string? Value)[] settings) =>
        McCrmTestHost.Create(s =>
        {
            foreach (var (setting, value) in settings)
            {
                s[Section + setting] = value;
            }
        });

    /// <summary>Answers POSTs to <paramref name="url"/> with the given answers in turn; the last one repeats.</summary>
    public static void Script(this McCrmTestHost host, string url, params Func<Task<HttpResponseMessage>>[] answers)
    {
        var queue = new Queue<Func<Task<HttpResponseMessage>>>(answers);
        var gate = new Lock();

        // Not an async lambda: MockHttp passes on an exception thrown at once, but never completes a faulted task.
        host.Http.When(HttpMethod.Post, url).Respond(request =>
        {
            // The library sends string content, which is read without waiting.
            host.Requests.Enqueue(CapturedRequest.ReadAsync(request).GetAwaiter().GetResult());
            Func<Task<HttpResponseMessage>> answer;
            lock (gate)
            {
                answer = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
            }

            return answer();
        });
    }

    public static Func<Task<HttpResponseMessage>> Found() => Json(Fixtures.Read("query-uid.response.json"));

    public static Func<Task<HttpResponseMessage>> SignedUp() => Json(Fixtures.Read("signup.response.json"));

    public static Func<Task<HttpResponseMessage>> Json(string body) =>
        () => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

    /// <summary>An error page without an envelope, as a gateway answers.</summary>
    public static Func<Task<HttpResponseMessage>> Status(HttpStatusCode status, string? retryAfter = null) => () =>
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent($"<html><body>{(int)status}</body></html>", Encoding.UTF8, "text/html"),
        };
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return Task.FromResult(response);
    };

    /// <summary>Fails inside the handler, as a broken connection does.</summary>
    public static Func<Task<HttpResponseMessage>> Throw(HttpRequestError error) =>
        () => throw new HttpRequestException(error, "connection failed");

    /// <summary>Never answers: the request hangs until the client gives up on it.</summary>
    public static Func<Task<HttpResponseMessage>> Hang() =>
        () => new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously).Task;

    /// <summary>Also signals <paramref name="arrived"/> when the request comes in.</summary>
    public static Func<Task<HttpResponseMessage>> Signal(TaskCompletionSource arrived, Func<Task<HttpResponseMessage>> answer) => () =>
    {
        arrived.TrySetResult();
        return answer();
    };

    /// <summary>The URLs that reached the handler, in order.</summary>
    public static string[] Urls(McCrmTestHost host) => [.. host.Requests.Select(r => r.Uri!.GetLeftPart(UriPartial.Path))];

    public static string[] Repeat(string url, int times) => [.. Enumerable.Repeat(url, times)];

    public static TimeSpan Between(CapturedRequest first, CapturedRequest second) =>
        Stopwatch.GetElapsedTime(first.ReceivedAt, second.ReceivedAt);
}
