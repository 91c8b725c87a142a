using System.Diagnostics;
using System.Net;
using System.Text;
using BrokerAdapters.Testing.Support;

namespace BrokerAdapters.Cmfbl.Tests.Resilience;

/// <summary>Hosts with chosen <c>UserRegistry:Cmfbl:Resilience</c> settings, and the answers the pipeline reacts to.</summary>
internal static class Resilient
{
    public const string Section = "UserRegistry:Cmfbl:Resilience:";

    /// <summary>Timers may fire up to a tick early against the stopwatch; lower bounds on waits allow for that.</summary>
    public static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(20);

    public static string AuthUrl => CmfblTestHost.AuthUrl;

    public static string ExistsUrl => CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType);

    public static string CreateUrl => CmfblTestHost.Url(CmfblUserRegistry.CreateBizType);

    public static string PageUrl => CmfblTestHost.Url(CmfblUserRegistry.PageBizType);

    public static string DetailUrl => CmfblTestHost.Url(CmfblUserRegistry.DetailBizType);

    public static CustomerLookup Number => CustomerLookup.ByNumber("86021976");

    /// <summary>A host whose resilience settings (names below <c>Resilience:</c>) are the given ones.</summary>
    public static CmfblTestHost Host(params (string Setting, string? Value)[] settings) =>
        CmfblTestHost.Create(s =>
        {
            foreach (var (setting, value) in settings)
            {
                s[Section + setting] = value;
            }
        });

    /// <summary>An error page without an envelope, as a gateway answers.</summary>
    public static HttpResponseMessage Status(HttpStatusCode status, string? retryAfter = null, string? rateLimitReset = null)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent($"<html><body>{(int)status}</body></html>", Encoding.UTF8, "text/html"),
        };
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        if (rateLimitReset is not null)
        {
            response.Headers.TryAddWithoutValidation("x-ratelimit-limit", "300");
            response.Headers.TryAddWithoutValidation("x-ratelimit-reset", rateLimitReset);
        }

        return response;
    }

    public static HttpResponseMessage ExistsYes() => FakeProvider.Json(CmfblTestHost.Fixture("check-exist.response.exists.json"));

    public static HttpResponseMessage ExistsNo() => FakeProvider.Json(CmfblTestHost.Fixture("check-exist.response.absent.json"));

    /// <summary>Answers a successful create, and the page and detail that read the customer back.</summary>
    public static void AnswerCreated(CmfblTestHost host)
    {
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Fixture("create-customer.response.json"));
        host.AnswerFound();
    }

    /// <summary>The URLs the provider received, in order.</summary>
    public static string[] Urls(FakeProvider provider) => [.. provider.Requests.Select(r => r.Uri.GetLeftPart(UriPartial.Path))];

    /// <summary>The time between two requests' arrivals.</summary>
    public static TimeSpan Between(RecordedRequest first, RecordedRequest second) =>
        Stopwatch.GetElapsedTime(first.ReceivedAt, second.ReceivedAt);

    public static string[] Repeat(string url, int times) => [.. Enumerable.Repeat(url, times)];
}
