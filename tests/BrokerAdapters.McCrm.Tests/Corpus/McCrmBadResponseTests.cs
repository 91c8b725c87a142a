using System.Text.RegularExpressions;
using BrokerAdapters.McCrm.Tests.TestSupport;
using BrokerAdapters.Testing.Corpus;

namespace BrokerAdapters.McCrm.Tests.Corpus;

/// <summary>
/// Runs the corpus of bad answers through both MC-CRM operations that send a request. Each ends in a
/// <see cref="UserRegistryException"/> of the expected kind carrying the provider, the HTTP status and the call's
/// correlation id, or, for the odd but acceptable answers, in the normal result. No other exception may escape.
/// </summary>
public sealed partial class McCrmBadResponseTests
{
    private const string Uid = "3f9d2c7e81b44a0f9c6e5d1a2b3c4d5e";

    public static IEnumerable<BadResponse> SignupCases =>
        BadResponses.Common.Concat(McCrmBadResponses.Envelopes).Concat(McCrmBadResponses.User).Concat(McCrmBadResponses.Signup);

    public static IEnumerable<BadResponse> QueryUidCases =>
        BadResponses.Common.Concat(McCrmBadResponses.Envelopes).Concat(McCrmBadResponses.User);

    [Test]
    public void The_corpus_has_at_least_40_distinct_answers_for_every_endpoint()
    {
        foreach (var cases in new[] { SignupCases, QueryUidCases })
        {
            Assert.That(cases.Select(c => c.Name), Is.Unique);
            Assert.That(cases.Count(c => !c.Succeeds), Is.GreaterThanOrEqualTo(40));
        }
    }

    [TestCaseSource(nameof(SignupCases))]
    public async Task Signup(BadResponse bad)
    {
        using var host = McCrmTestHost.Create();
        host.Answer(McCrmTestHost.SignupUrl, () => bad.Respond(Fixtures.Read("signup.response.json")));

        var error = await RunAsync(bad, () => host.Registry.RegisterAsync(Customers.Full()), registration =>
        {
            Assert.That(registration.Outcome, Is.EqualTo(RegistrationOutcome.Created));
            Assert.That(registration.Customer.Id, Is.EqualTo(Uid));
        });

        AssertError(error, bad, bad.Write, host);
        if (bad.Status == System.Net.HttpStatusCode.TooManyRequests && !bad.Name.Contains("Retry-After", StringComparison.Ordinal))
        {
            // Refused before it was applied: the pipeline sends it again (three retries), never blindly otherwise.
            // (A Retry-After longer than the host's MaxRetryDelay is not waited for.)
            Assert.That(host.Requests, Has.Count.EqualTo(4), "a signup refused with 429 is retried");
        }
        else
        {
            Assert.That(host.Requests, Has.Count.EqualTo(1), "a signup is never sent twice");
        }
        if (error?.Kind == UserRegistryErrorKind.OutcomeUnknown)
        {
            Assert.That(error.ReconciliationLookups, Is.EqualTo(new[]
            {
                CustomerLookup.ByPhone(new PhoneNumber("+852", "61234567")),
                CustomerLookup.ByEmail("mei.chan@example.com"),
            }));
        }
    }

    [TestCaseSource(nameof(QueryUidCases))]
    public async Task Find_by_uid(BadResponse bad)
    {
        using var host = McCrmTestHost.Create();
        host.Answer(McCrmTestHost.QueryUidUrl, () => bad.Respond(Fixtures.Read("query-uid.response.json")));

        var error = await RunAsync(bad, () => host.Registry.FindAsync(CustomerLookup.ById(Uid)), found => Assert.That(found?.Id, Is.EqualTo(Uid)));

        AssertError(error, bad, bad.Read, host);
    }

    /// <summary>Runs the operation: the normal result for an acceptable answer, else the one exception it must throw.</summary>
    private static async Task<UserRegistryException?> RunAsync<T>(BadResponse bad, Func<Task<T>> operation, Action<T> normal)
    {
        if (bad.Succeeds)
        {
            normal(await operation());
            return null;
        }

        // Exactly UserRegistryException: a JsonException, NullReferenceException, FormatException… fails here.
        return await Assert.ThrowsAsync<UserRegistryException>(async () => await operation());
    }

    private static void AssertError(UserRegistryException? error, BadResponse bad, UserRegistryErrorKind? kind, McCrmTestHost host)
    {
        if (error is null)
        {
            return;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Kind, Is.EqualTo(kind), error.Message);
            Assert.That(error.Provider, Is.EqualTo("McCrm"));
            Assert.That(error.HttpStatus, Is.EqualTo((int)bad.Status));
            Assert.That(error.RetryAfter, Is.EqualTo(bad.RetryAfter));

            // MC-CRM has no trace id: the library's own correlation id of the call, also in its log line.
            Assert.That(error.TraceId, Does.Match(CorrelationId()));
            Assert.That(host.Logs.Lines.Where(l => l.StartsWith("Warning|", StringComparison.Ordinal)), Has.One.Contains(error.TraceId!));
        }
    }

    [GeneratedRegex("^m-[0-9a-f]{32}$")]
    private static partial Regex CorrelationId();
}
