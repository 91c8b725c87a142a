using System.Net;
using BrokerAdapters.McCrm.Tests.TestSupport;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.McCrm.Tests;

public sealed class McCrmFindTests
{
    private const string Uid = "3f9d2c7e81b44a0f9c6e5d1a2b3c4d5e";

    [Test]
    public async Task Find_by_id_posts_the_uid_to_the_query_endpoint_with_the_token_header()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid(Fixtures.Read("query-uid.response.json"));

        await host.Registry.FindAsync(CustomerLookup.ById(Uid));

        var request = host.SingleRequest;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.Uri, Is.EqualTo(new Uri(McCrmTestHost.QueryUidUrl)));
            Assert.That(request.Token, Is.EqualTo(new[] { McCrmTestHost.Token }));
            Assert.That(JToken.DeepEquals(request.Json, Fixtures.Json("query-uid.request.json")), Is.True, $"sent {request.Body}");
        }
    }

    [Test]
    public async Task Find_maps_the_full_profile()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid(Fixtures.Read("query-uid.response.json"));

        var customer = await host.Registry.FindAsync(CustomerLookup.ById(Uid));

        Assert.That(customer, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(customer!.Id, Is.EqualTo(Uid));
            Assert.That(customer.Number, Is.EqualTo("40217765"));
            Assert.That(customer.ExternalId, Is.EqualTo("crm-ext-000123"));
            Assert.That(customer.Email, Is.EqualTo("mei.chan@example.com"));
            Assert.That(customer.Phone, Is.EqualTo(new PhoneNumber("+852", "61234567")));
            Assert.That(customer.Name, Is.EqualTo(new PersonName { Given = "Mei", Middle = "Ka Yan", Family = "Chan", Full = "CHAN Mei Ka Yan" }));
            Assert.That(customer.BirthDate, Is.EqualTo(new DateOnly(1990, 5, 17)));
            Assert.That(customer.Address, Is.EqualTo(new PostalAddress
            {
                Street = "Nathan Road",
                HouseNumber = "88",
                City = "Kowloon",
                Line = "Flat 12A, 88 Nathan Road",
            }));
            Assert.That(customer.Status, Is.EqualTo(CustomerStatus.Disabled));
            Assert.That(customer.KycStatus, Is.EqualTo("2"));
            Assert.That(customer.LastLoginAt, Is.EqualTo(new DateTimeOffset(2025, 3, 5, 18, 2, 11, 500, TimeSpan.Zero)));
            Assert.That(customer.Extra["openAccountTime"], Is.EqualTo("2025-03-05T08:30:00"), "unmapped timestamps stay as sent");
            Assert.That(customer.Extra["customerManager"], Is.EqualTo("Alex Wong"));
            Assert.That(customer.Extra.Keys, Has.No.Member("password"));
        }
    }

    [Test]
    public async Task Find_returns_null_when_data_is_null()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid(Fixtures.Read("query-uid.response.not-found.json"));

        var customer = await host.Registry.FindAsync(CustomerLookup.ById("no-such-uid"));

        Assert.That(customer, Is.Null);
        Assert.That(host.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Find_returns_null_when_the_provider_says_the_user_does_not_exist()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid(Fixtures.Read("error.user-not-found.json"));

        var customer = await host.Registry.FindAsync(CustomerLookup.ById("no-such-uid"));

        Assert.That(customer, Is.Null);
    }

    [TestCase("{\"code\":401,\"msg\":\"token not exist\",\"data\":null}", UserRegistryErrorKind.Unauthorized)]
    [TestCase("{\"code\":500,\"msg\":\"merchant not found\",\"data\":null}", UserRegistryErrorKind.Unavailable)]
    [TestCase("{\"code\":\"429\",\"msg\":\"user not found\",\"data\":null}", UserRegistryErrorKind.RateLimited)]
    public async Task Find_reports_access_and_server_errors_instead_of_returning_null(string answer, UserRegistryErrorKind kind)
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid(answer);

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("some-uid")));

        Assert.That(error!.Kind, Is.EqualTo(kind));
    }

    [Test]
    public async Task Find_returns_null_for_http_404_saying_the_user_does_not_exist()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid(Fixtures.Read("error.user-not-found.json"), HttpStatusCode.NotFound);

        var customer = await host.Registry.FindAsync(CustomerLookup.ById("no-such-uid"));

        Assert.That(customer, Is.Null);
    }

    [Test]
    public async Task Find_reports_http_404_without_an_envelope_as_a_protocol_error()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid("<html>404 page not found</html>", HttpStatusCode.NotFound, "text/html");

        var error = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ById("u1")));

        Assert.That(error!.Kind, Is.EqualTo(UserRegistryErrorKind.ProtocolError), "a wrong URL is not a missing user");
        Assert.That(error.HttpStatus, Is.EqualTo(404));
    }

    [TestCase(1, CustomerStatus.Active)]
    [TestCase(0, CustomerStatus.Disabled)]
    [TestCase(null, CustomerStatus.Unknown)]
    [TestCase(7, CustomerStatus.Unknown)]
    public async Task Find_maps_status(int? status, CustomerStatus expected)
    {
        using var host = McCrmTestHost.Create();
        var answer = Fixtures.Json("query-uid.response.json");
        answer["data"]!["status"] = status is null ? JValue.CreateNull() : new JValue(status.Value);
        host.AnswerQueryUid(answer.ToString());

        var customer = await host.Registry.FindAsync(CustomerLookup.ById(Uid));

        Assert.That(customer!.Status, Is.EqualTo(expected));
    }

    [Test]
    public async Task Find_leaves_phone_null_without_a_prefix()
    {
        using var host = McCrmTestHost.Create();
        var answer = Fixtures.Json("query-uid.response.json");
        answer["data"]!["phoneNumberPrefix"] = JValue.CreateNull();
        host.AnswerQueryUid(answer.ToString());

        var customer = await host.Registry.FindAsync(CustomerLookup.ById(Uid));

        Assert.That(customer!.Phone, Is.Null);
    }
}
