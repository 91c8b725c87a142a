using System.Collections.Concurrent;
using System.Net;
using System.Text;
using BrokerAdapters.McCrm.Tests.TestSupport;
using RichardSzalay.MockHttp;

namespace BrokerAdapters.McCrm.Tests;

/// <summary>MC-CRM has no trace id: each call gets a correlation id of the library's own, kept on this side.</summary>
public sealed class McCrmCorrelationTests
{
    [Test]
    public async Task Each_call_has_its_own_correlation_id_in_its_error_and_its_log_line_and_never_on_the_wire()
    {
        using var host = McCrmTestHost.Create();
        var sent = new ConcurrentQueue<(string Name, string Value)[]>();
        host.Http.When(HttpMethod.Post, McCrmTestHost.QueryUidUrl).Respond(async request =>
        {
            var body = await request.Content!.ReadAsStringAsync();
            sent.Enqueue([.. request.Headers.Concat(request.Content.Headers).Select(h => (h.Key, string.Join(",", h.Value))), ("body", body)]);
            return new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>Bad Gateway</html>", Encoding.UTF8, "text/html") };
        });

        var first = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("u1")));
        var second = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("u1")));

        var ids = new[] { first!.TraceId!, second!.TraceId! };
        Assert.That(ids, Has.All.Match("^m-[0-9a-f]{32}$"));
        Assert.That(ids[0], Is.Not.EqualTo(ids[1]));
        foreach (var id in ids)
        {
            Assert.That(host.Logs.Lines, Has.One.Contains(id).And.One.StartsWith("Warning|MC-CRM user/query/uid (" + id + ") failed with Unavailable"));
        }

        Assert.That(sent.SelectMany(r => r).Select(h => h.Name).Distinct(), Is.EquivalentTo(new[] { "token", "Content-Type", "Content-Length", "body" }));
        Assert.That(sent.SelectMany(r => r).Select(h => h.Value), Has.None.Contains(ids[0]).And.None.Contains(ids[1]));
    }

    [Test]
    public async Task A_successful_call_logs_its_correlation_id()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid(Fixtures.Read("query-uid.response.json"));

        await host.Registry.FindAsync(CustomerLookup.ById("3f9d2c7e81b44a0f9c6e5d1a2b3c4d5e"));

        Assert.That(host.Logs.Lines, Has.One.Match("^Debug\\|MC-CRM user/query/uid \\(m-[0-9a-f]{32}\\) answered HTTP 200 in "));
    }
}
