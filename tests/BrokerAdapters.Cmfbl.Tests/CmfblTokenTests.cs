using System.Collections.Concurrent;

namespace BrokerAdapters.Cmfbl.Tests;

public sealed class CmfblTokenTests
{
    private static string AuthAnswer(string token) =>
        CmfblTestHost.Envelope($$"""{"token":"{{token}}","publicKey":"","id":360}""");

    [Test]
    public async Task An_expired_token_is_renewed_once_and_the_call_replayed()
    {
        using var host = CmfblTestHost.Create(answerAuth: false);
        host.Provider.AnswerJson(CmfblTestHost.AuthUrl, AuthAnswer("token-1"));
        host.Provider.AnswerJson(CmfblTestHost.AuthUrl, AuthAnswer("token-2"));
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Fixture("error.token-expired.response.json"));
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Fixture("check-exist.response.exists.json"));

        var exists = await host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976"));

        Assert.That(exists, Is.True);
        var calls = host.Provider.To(CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType));
        Assert.That(calls.Select(c => c.Header("token")), Is.EqualTo(new[] { "token-1", "token-2" }));
        Assert.That(calls[0].Json.ToString(), Is.EqualTo(calls[1].Json.ToString()));
        Assert.That(host.Provider.To(CmfblTestHost.AuthUrl), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Concurrent_callers_meeting_an_expired_token_share_one_reauthentication()
    {
        using var host = CmfblTestHost.Create(answerAuth: false);
        host.Provider.AnswerJson(CmfblTestHost.AuthUrl, AuthAnswer("token-1"));
        host.Provider.AnswerJson(CmfblTestHost.AuthUrl, AuthAnswer("token-2"));
        host.Provider.AnswerJson(CmfblTestHost.AuthUrl, AuthAnswer("token-3"));
        const int callers = 16;
        var answered = new ConcurrentBag<string>();
        var arrivedWithOldToken = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Provider.Answer(CmfblTestHost.Url(CmfblUserRegistry.ExistsBizType), request =>
        {
            var token = request.Header("token");
            answered.Add(token);
            if (token == "token-1")
            {
                // Hold every caller until all of them hold the expired token, so the renewal really is contended.
                if (Interlocked.Increment(ref arrivedWithOldToken) == callers)
                {
                    allArrived.SetResult();
                }

                Assert.That(allArrived.Task.Wait(TimeSpan.FromSeconds(30)), Is.True, "all callers met the expired token together");
            }

            return Testing.Support.FakeProvider.Json(token == "token-1"
                ? CmfblTestHost.Fixture("error.token-expired.response.json")
                : CmfblTestHost.Fixture("check-exist.response.exists.json"));
        });

        // Obtain token-1 first so that every concurrent caller starts from the same, soon expired, token.
        host.Provider.Answer(CmfblTestHost.Url(CmfblUserRegistry.GroupListBizType), _ => Testing.Support.FakeProvider.Json(CmfblTestHost.Envelope("[]")));
        await host.Cmfbl.GetCustomerGroupsAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ =>
            Task.Run(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976")))));

        Assert.That(results, Is.All.True);
        Assert.That(host.Provider.To(CmfblTestHost.AuthUrl), Has.Count.EqualTo(2));
        Assert.That(answered.Count(t => t == "token-1"), Is.EqualTo(callers));
        Assert.That(answered.Count(t => t == "token-2"), Is.EqualTo(callers));
        Assert.That(answered.Count(t => t == "token-3"), Is.Zero);
    }
}
