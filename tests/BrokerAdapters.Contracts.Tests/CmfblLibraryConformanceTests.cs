using System.Globalization;
using BrokerAdapters.Cmfbl;
using BrokerAdapters.Contracts.Tests.TestSupport;
using BrokerAdapters.Testing.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Contracts.Tests;

/// <summary>
/// Drives the real CMFBL registry through every operation, plain and encrypted, and checks every request it sends
/// (URL, headers, body, and in encrypted mode the decrypted body and its signature) against
/// <c>contracts/cmfbl/openapi.yaml</c>.
/// </summary>
public sealed class CmfblLibraryConformanceTests
{
    private const string Provider = "cmfbl";

    private static readonly CmfblOperation[] Operations =
    [
        new("register with every field", r => r.RegisterAsync(SampleCustomers.CmfblFull()))
        {
            ExpectedBodies = new() { [CmfblContractHost.CreatePath] = "create-customer.request.json", [CmfblContractHost.AuthPath] = "auth.request.json" },
        },
        new("register with the required fields only", r => r.RegisterAsync(SampleCustomers.CmfblMinimal()))
        {
            Configure = RemoveTradeTypes,
            ExpectedBodies = new() { [CmfblContractHost.CreatePath] = "create-customer.request.minimal.json" },
        },
        new("exists by email", r => r.ExistsAsync(CustomerLookup.ByEmail("chan.tai.man@example.com")))
        {
            ExpectedBodies = new() { [CmfblContractHost.ExistsPath] = "check-exist-email.request.json" },
        },
        new("exists by phone", r => r.ExistsAsync(CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237"))))
        {
            ExpectedBodies = new() { [CmfblContractHost.ExistsPath] = "check-exist-phone.request.json" },
        },
        new("exists by number", r => r.ExistsAsync(CustomerLookup.ByNumber("86021976")))
        {
            ExpectedBodies = new() { [CmfblContractHost.ExistsPath] = "check-exist-number.request.json" },
        },
        new("find by number", r => r.FindAsync(CustomerLookup.ByNumber("86021976")))
        {
            ExpectedBodies = new() { [CmfblContractHost.PagePath] = "page-by-number.request.json", [CmfblContractHost.DetailPath] = "detail.request.json" },
        },
        new("list with the default page size", r => DrainAsync(r.ListAsync()))
        {
            ExpectedBodies = new() { [CmfblContractHost.PagePath] = "page-all.request.json" },
        },
        new("list in pages of one", r => DrainAsync(r.ListAsync(new CustomerQuery { PageSize = 1 })))
        {
            Arrange = AnswerTwoPagesOfOne,
            ExpectedCalls = new() { [CmfblContractHost.PagePath] = 2 },
        },
        new("authenticate by email", r => r.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByEmail("chan.tai.man@example.com"), SampleCustomers.CmfblPassword)))
        {
            ExpectedBodies = new() { [CmfblContractHost.LoginPath] = "login-email.request.json" },
        },
        new("authenticate by phone", r => r.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237")), SampleCustomers.CmfblPassword)))
        {
            ExpectedBodies = new() { [CmfblContractHost.LoginPath] = "login-phone.request.json" },
        },
        new("authenticate by number", r => r.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByNumber("86021976"), SampleCustomers.CmfblPassword))),
        new("customer groups", r => r.GetCustomerGroupsAsync())
        {
            ExpectedBodies = new() { [CmfblContractHost.GroupListPath] = "group-list.request.json" },
        },
        new("trading accounts", r => r.GetTradingAccountsAsync("86021976", 1))
        {
            ExpectedBodies = new() { [CmfblContractHost.AccountListPath] = "account-list.request.json" },
        },
        new("send a registration code", r => r.SendRegistrationCodeAsync(SampleCustomers.CmfblSelfService(), CustomerLookupKind.Phone))
        {
            ExpectedBodies = new() { [CmfblContractHost.VerifyCodeSendPath] = "verify-code-send.request.json" },
        },
        new("register with a code", r => r.RegisterWithCodeAsync(SampleCustomers.CmfblSelfService(), SampleCustomers.CmfblTicket, "482915"))
        {
            ExpectedBodies = new() { [CmfblContractHost.RegisterPath] = "register.request.json" },
        },
        new("sign in", r => r.SignInAsync(new CustomerCredentials(CustomerLookup.ByPhone(new PhoneNumber("+852", "98763237")), SampleCustomers.CmfblPassword)))
        {
            ExpectedBodies = new() { [CmfblContractHost.LoginPath] = "login-phone.request.json" },
        },
        new("access key", r => r.GetAccessKeyAsync(SampleCustomers.CmfblSession()))
        {
            ExpectedBodies = new() { [CmfblContractHost.RandomKeyPath] = "random-key.request.json" },
        },
        new("switch account", r => r.SwitchAccountAsync(SampleCustomers.CmfblSession()))
        {
            ExpectedBodies = new() { [CmfblContractHost.SwitchAccountPath] = "switch-account.request.json" },
        },
        new("reset the demo account", r => r.ResetDemoAccountAsync(SampleCustomers.CmfblSession()))
        {
            ExpectedBodies = new() { [CmfblContractHost.ResetAccountPath] = "reset-account.request.json" },
        },
        .. Enum.GetValues<CmfblDetailSection>().Select(section =>
            new CmfblOperation($"detail section {section}", r => r.GetCustomerDetailJsonAsync("1176", "86021976", section))
            {
                ExpectedBodies = section switch
                {
                    CmfblDetailSection.BaseInfo => new() { [CmfblContractHost.DetailPath] = "detail.request.json" },
                    CmfblDetailSection.TradeAccount => new() { [CmfblContractHost.DetailPath] = "detail-trade-account.request.json" },
                    _ => [],
                },
            }),
    ];

    public static IEnumerable<TestCaseData> OperationNames() =>
        Operations.Select(o => new TestCaseData(o.Name).SetArgDisplayNames(o.Name));

    [TestCaseSource(nameof(OperationNames))]
    public async Task Plain_requests_conform_to_the_contract(string operation) => await RunAndCheckAsync(operation, encrypted: false);

    [TestCaseSource(nameof(OperationNames))]
    public async Task Encrypted_requests_conform_to_the_contract(string operation) => await RunAndCheckAsync(operation, encrypted: true);

    [Test]
    public async Task The_library_calls_every_operation_of_the_contract_and_nothing_else()
    {
        var contract = await ContractValidator.LoadAsync(Provider);
        using var host = CmfblContractHost.Create(encrypted: false);
        host.AnswerDefaults();

        foreach (var operation in Operations.Where(o => o.Arrange is null && o.Configure is null))
        {
            await operation.Run(host.Registry);
        }

        var called = host.Provider.Requests.Select(r => contract.FindPath(r.Uri) ?? r.Uri.AbsolutePath).Distinct().Order(StringComparer.Ordinal);
        Assert.That(called, Is.EqualTo(contract.Paths.Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task After_a_token_expired_answer_the_new_authentication_and_the_replayed_call_conform()
    {
        var contract = await ContractValidator.LoadAsync(Provider);
        using var host = CmfblContractHost.Create(encrypted: true);
        host.AnswerFixture(CmfblContractHost.PagePath, "error.token-expired.response.json");
        host.AnswerFixture(CmfblContractHost.PagePath, "page-by-number.response.json");
        host.AnswerDefaults();

        await host.Registry.FindAsync(CustomerLookup.ByNumber("86021976"));

        Assert.That(host.Provider.To(CmfblContractHost.UrlOf(CmfblContractHost.AuthPath)), Has.Count.EqualTo(2));
        Assert.That(host.Provider.To(CmfblContractHost.UrlOf(CmfblContractHost.PagePath)), Has.Count.EqualTo(2));
        foreach (var request in host.Provider.Requests)
        {
            AssertConforms(contract, request, encrypted: true);
        }
    }

    [Test]
    public async Task Encrypted_blocks_each_hold_at_most_100_url_encoded_characters()
    {
        using var host = CmfblContractHost.Create(encrypted: true);
        host.AnswerDefaults();

        await host.Registry.RegisterAsync(SampleCustomers.CmfblFull());

        var create = host.Provider.To(CmfblContractHost.UrlOf(CmfblContractHost.CreatePath)).Single();
        var (_, segments) = CmfblContractHost.Decrypt((string)create.Json["data"]!);
        Assert.That(segments, Has.Count.GreaterThan(1));
        Assert.That(segments.Take(segments.Count - 1), Is.All.Length.EqualTo(100));
        Assert.That(segments[^1].Length, Is.InRange(1, 100));
        Assert.That(string.Concat(segments), Does.Not.Contain(" ").And.Not.Contain("{"), "the JSON is URL-encoded before it is cut");
    }

    private static async Task RunAndCheckAsync(string name, bool encrypted)
    {
        var operation = Operations.Single(o => o.Name == name);
        var contract = await ContractValidator.LoadAsync(Provider);
        using var host = CmfblContractHost.Create(encrypted, operation.Configure);
        operation.Arrange?.Invoke(host, contract);
        host.AnswerDefaults();

        await operation.Run(host.Registry);

        var requests = host.Provider.Requests;
        Assert.That(requests, Is.Not.Empty);
        foreach (var request in requests)
        {
            AssertConforms(contract, request, encrypted);
        }

        foreach (var (path, fixture) in operation.ExpectedBodies)
        {
            var sent = requests.Where(r => contract.FindPath(r.Uri) == path).ToArray();
            Assert.That(sent, Is.Not.Empty, $"{name} sends nothing to {path}");
            JsonAssert.AreEqual(Fixtures.Json(Provider, fixture), PlainBody(sent[0], path, encrypted));
        }

        foreach (var (path, count) in operation.ExpectedCalls)
        {
            Assert.That(requests.Count(r => contract.FindPath(r.Uri) == path), Is.EqualTo(count), $"calls to {path}");
        }
    }

    /// <summary>Everything the contract says about one request, plain or encrypted.</summary>
    private static void AssertConforms(ContractValidator contract, RecordedRequest request, bool encrypted)
    {
        var path = contract.FindPath(request.Uri);
        Assert.That(path, Is.Not.Null, $"the library called {request.Uri}, which the contract does not describe");
        var expectedHost = CmfblContractHost.HostOf(path!);
        var trace = request.Header("trace");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post), path);
            Assert.That(request.Uri.GetLeftPart(UriPartial.Authority), Is.EqualTo(expectedHost), path);
            Assert.That(request.Header("Content-Type"), Does.StartWith(ContractValidator.JsonMediaType), path);
            Assert.That(contract.RequestHeaderErrors(path!, request.Headers), Is.Empty, $"headers of {path}");
            Assert.That(contract.RequestErrors(path!, request.Body), Is.Empty, $"body of {path}: {request.Body}");
        }

        if (!encrypted || !CmfblContractHost.IsEncryptable(path!))
        {
            Assert.That(trace, Does.Not.StartWith("x-"), $"{path} is plain, so its trace must not say encrypted");
            Assert.That(((JObject)request.Json).Properties().Select(p => p.Name), Is.Not.EqualTo(new[] { "data" }), $"{path} must be plain");
            return;
        }

        Assert.That(((JObject)request.Json).Properties().Select(p => p.Name), Is.EqualTo(new[] { "data" }), $"{path} must be encrypted");
        var (json, segments) = CmfblContractHost.Decrypt((string)request.Json["data"]!);
        var inner = JObject.Parse(json);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(trace, Does.StartWith("x-"), $"{path} is encrypted, so its trace must start with x-");
            Assert.That(segments, Is.All.Length.InRange(1, 100), $"blocks of {path}");
            Assert.That(contract.SignedRequestErrors(path!, json), Is.Empty, $"decrypted body of {path}: {json}");
            Assert.That(inner["timestamp"]?.ToString(Formatting.None), Is.EqualTo(request.Header("timestamp")), "the body's timestamp is the header's");
            Assert.That((string?)inner["signature"], Is.EqualTo(CmfblContractHost.ExpectedSignature(inner)), $"signature of {path}");
        }
    }

    /// <summary>The body as the operation's plain schema sees it: as sent, or decrypted without the signing members.</summary>
    private static JObject PlainBody(RecordedRequest request, string path, bool encrypted)
    {
        if (!encrypted || !CmfblContractHost.IsEncryptable(path))
        {
            return (JObject)request.Json;
        }

        var inner = JObject.Parse(CmfblContractHost.Decrypt((string)request.Json["data"]!).Json);
        inner.Remove("timestamp");
        inner.Remove("signature");
        return inner;
    }

    private static void RemoveTradeTypes(Dictionary<string, string?> settings)
    {
        foreach (var key in settings.Keys.Where(k => k.Contains("TradeTypeCurrencies", StringComparison.Ordinal)).ToArray())
        {
            settings.Remove(key);
        }
    }

    /// <summary>Two pages of one record each (total 2), built from the fixture and checked against the contract first.</summary>
    private static void AnswerTwoPagesOfOne(CmfblContractHost host, ContractValidator contract)
    {
        for (var current = 1; current <= 2; current++)
        {
            var page = (JObject)Fixtures.Json(Provider, "page-by-number.response.json");
            var data = (JObject)page["data"]!;
            data["current"] = current;
            data["size"] = 1;
            data["total"] = 2;
            var record = (JObject)data["records"]![0]!;
            record["id"] = 1175 + current;
            record["customerNo"] = (86021975 + current).ToString(CultureInfo.InvariantCulture);
            var json = page.ToString(Formatting.None);
            Assert.That(contract.ResponseErrors(CmfblContractHost.PagePath, 200, json), Is.Empty, "the canned page must conform too");
            host.Answer(CmfblContractHost.PagePath, json);
        }
    }

    private static async Task DrainAsync(IAsyncEnumerable<Customer> customers)
    {
        await foreach (var _ in customers)
        {
        }
    }

    private sealed record CmfblOperation(string Name, Func<ICmfblUserRegistry, Task> Run)
    {
        public Dictionary<string, string> ExpectedBodies { get; init; } = [];

        public Dictionary<string, int> ExpectedCalls { get; init; } = [];

        public Action<Dictionary<string, string?>>? Configure { get; init; }

        public Action<CmfblContractHost, ContractValidator>? Arrange { get; init; }
    }
}
