using System.Security.Cryptography;
using BrokerAdapters.Contracts.Tests.TestSupport;
using BrokerAdapters.Testing.Support;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Contracts.Tests;

/// <summary>
/// Drives the real MC-CRM registry through both of its calls and checks every request (URL, header, body) against
/// <c>contracts/mccrm/openapi.yaml</c>, and that the fixtures are the library's wire form but for the ciphertext.
/// </summary>
public sealed class McCrmLibraryConformanceTests
{
    private const string Provider = "mccrm";

    [TestCase("every field", "signup.request.json")]
    [TestCase("phone only", "signup.request.phone-only.json")]
    [TestCase("email only", "signup.request.email-only.json")]
    public async Task Signup_requests_conform_to_the_contract(string customer, string fixture)
    {
        var contract = await ContractValidator.LoadAsync(Provider);
        using var host = McCrmContractHost.Create();

        await host.Registry.RegisterAsync(Customer(customer));

        var request = host.Provider.Requests.Single();
        AssertConforms(contract, request, McCrmContractHost.SignupPath);
        var body = (JObject)request.Json;
        Assert.That(McCrmContractHost.DecryptPassword((string)body["password"]!, RSAEncryptionPadding.Pkcs1), Is.EqualTo(SampleCustomers.McCrmPassword));

        var expected = (JObject)Fixtures.Json(Provider, fixture);
        expected["password"] = body["password"]!.DeepClone();
        JsonAssert.AreEqual(expected, body);
    }

    [TestCase("OaepSha1")]
    [TestCase("OaepSha256")]
    public async Task Signup_with_oaep_padding_still_sends_a_conforming_ciphertext(string padding)
    {
        var contract = await ContractValidator.LoadAsync(Provider);
        using var host = McCrmContractHost.Create(s => s["UserRegistry:McCrm:Padding"] = padding);

        await host.Registry.RegisterAsync(SampleCustomers.McCrmPhoneOnly());

        var request = host.Provider.Requests.Single();
        AssertConforms(contract, request, McCrmContractHost.SignupPath);
        var rsaPadding = padding == "OaepSha1" ? RSAEncryptionPadding.OaepSHA1 : RSAEncryptionPadding.OaepSHA256;
        Assert.That(McCrmContractHost.DecryptPassword((string)request.Json["password"]!, rsaPadding), Is.EqualTo(SampleCustomers.McCrmPassword));
    }

    [Test]
    public async Task Query_by_uid_request_conforms_to_the_contract()
    {
        var contract = await ContractValidator.LoadAsync(Provider);
        using var host = McCrmContractHost.Create();

        var found = await host.Registry.FindAsync(CustomerLookup.ById("3f9d2c7e81b44a0f9c6e5d1a2b3c4d5e"));

        Assert.That(found, Is.Not.Null);
        var request = host.Provider.Requests.Single();
        AssertConforms(contract, request, McCrmContractHost.QueryUidPath);
        JsonAssert.AreEqual(Fixtures.Json(Provider, "query-uid.request.json"), request.Json);
    }

    [Test]
    public async Task The_library_calls_every_operation_of_the_contract_and_nothing_else()
    {
        var contract = await ContractValidator.LoadAsync(Provider);
        using var host = McCrmContractHost.Create();

        await host.Registry.RegisterAsync(SampleCustomers.McCrmFull());
        await host.Registry.FindAsync(CustomerLookup.ById("3f9d2c7e81b44a0f9c6e5d1a2b3c4d5e"));

        var called = host.Provider.Requests.Select(r => contract.FindPath(r.Uri) ?? r.Uri.AbsolutePath).Distinct().Order(StringComparer.Ordinal);
        Assert.That(called, Is.EqualTo(contract.Paths.Order(StringComparer.Ordinal)));
    }

    private static NewCustomer Customer(string name) => name switch
    {
        "every field" => SampleCustomers.McCrmFull(),
        "phone only" => SampleCustomers.McCrmPhoneOnly(),
        "email only" => SampleCustomers.McCrmEmailOnly(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static void AssertConforms(ContractValidator contract, RecordedRequest request, string expectedPath)
    {
        var path = contract.FindPath(request.Uri);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(path, Is.EqualTo(expectedPath));
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.Uri.AbsolutePath, Is.EqualTo("/mc-crm" + expectedPath), "the base path is kept");
            Assert.That(request.Header("token"), Is.EqualTo(McCrmContractHost.Token));
            Assert.That(request.Header("Content-Type"), Does.StartWith(ContractValidator.JsonMediaType));
            Assert.That(contract.RequestHeaderErrors(expectedPath, request.Headers), Is.Empty);
            Assert.That(contract.RequestErrors(expectedPath, request.Body), Is.Empty, request.Body);
        }
    }
}
