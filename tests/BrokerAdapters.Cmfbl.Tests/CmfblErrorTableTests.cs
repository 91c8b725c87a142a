using System.Net;

namespace BrokerAdapters.Cmfbl.Tests;

/// <summary>The whole CMFBL error table as a specification: every code, its kind, reached over HTTP.</summary>
public sealed class CmfblErrorTableTests
{
    private static readonly Dictionary<string, UserRegistryErrorKind> Expected = new()
    {
        ["G500"] = UserRegistryErrorKind.Unavailable,
        ["GGATEWAY_CODE_001"] = UserRegistryErrorKind.Unauthorized,
        ["GGATEWAY_CODE_002"] = UserRegistryErrorKind.ProtocolError,
        ["GGATEWAY_CODE_003"] = UserRegistryErrorKind.ProtocolError,
        ["GGATEWAY_CODE_004"] = UserRegistryErrorKind.ProtocolError,
        ["GGATEWAY_CODE_005"] = UserRegistryErrorKind.Unauthorized,
        ["GGATEWAY_CODE_006"] = UserRegistryErrorKind.ProtocolError,
        ["GGATEWAY_CODE_008"] = UserRegistryErrorKind.ProtocolError,
        ["GGATEWAY_CODE_009"] = UserRegistryErrorKind.ProtocolError,
        ["GGATEWAY_CODE_010"] = UserRegistryErrorKind.Unavailable,
        ["GGATEWAY_CODE_011"] = UserRegistryErrorKind.Unavailable,
        ["GGATEWAY_CODE_012"] = UserRegistryErrorKind.Unavailable,
        ["GGATEWAY_CODE_013"] = UserRegistryErrorKind.Unavailable,
        ["GGATEWAY_CODE_014"] = UserRegistryErrorKind.ProtocolError,
        ["GGATEWAY_CODE_015"] = UserRegistryErrorKind.InvalidInput,
        ["GGATEWAY_CODE_016"] = UserRegistryErrorKind.ProtocolError,
        ["GGATEWAY_CODE_017"] = UserRegistryErrorKind.Unauthorized,
        ["GGATEWAY_CODE_018"] = UserRegistryErrorKind.RateLimited,
        ["GGATEWAY_CODE_019"] = UserRegistryErrorKind.Forbidden,
        ["GGATEWAY_CODE_101"] = UserRegistryErrorKind.Unauthorized,
        ["GGATEWAY_CODE_102"] = UserRegistryErrorKind.Unavailable,
        ["GGATEWAY_CODE_103"] = UserRegistryErrorKind.InvalidInput,
        ["GGATEWAY_CODE_104"] = UserRegistryErrorKind.InvalidInput,
        ["GGATEWAY_CODE_902"] = UserRegistryErrorKind.Timeout,
        ["USCUSTOMER_API_0000002"] = UserRegistryErrorKind.NotSupported,
        ["USCUSTOMER_API_0000003"] = UserRegistryErrorKind.NotFound,
        ["USCUSTOMER_API_0000004"] = UserRegistryErrorKind.Unavailable,
        ["USCUSTOMER_API_0000005"] = UserRegistryErrorKind.Unavailable,
        ["USCUSTOMER_API_0000007"] = UserRegistryErrorKind.Forbidden,
        ["USCUSTOMER_API_0000008"] = UserRegistryErrorKind.Forbidden,
        ["USCUSTOMER_API_0000009"] = UserRegistryErrorKind.RateLimited,
        ["USCUSTOMER_API_0000101"] = UserRegistryErrorKind.AlreadyExists,
        ["USCUSTOMER_API_0000102"] = UserRegistryErrorKind.InvalidCredentials,
        ["USCUSTOMER_API_0000103"] = UserRegistryErrorKind.AccountDisabled,
        ["USCUSTOMER_API_0000105"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000108"] = UserRegistryErrorKind.Unavailable,
        ["USCUSTOMER_API_0000109"] = UserRegistryErrorKind.Unavailable,
        ["USCUSTOMER_API_0000110"] = UserRegistryErrorKind.Forbidden,
        ["USCUSTOMER_API_0000106"] = UserRegistryErrorKind.AlreadyExists,
        ["USCUSTOMER_API_0000107"] = UserRegistryErrorKind.AlreadyExists,
        ["USCUSTOMER_API_0000111"] = UserRegistryErrorKind.Forbidden,
        ["USCUSTOMER_API_0000112"] = UserRegistryErrorKind.InvalidCredentials,
        ["USCUSTOMER_API_0000113"] = UserRegistryErrorKind.AccountDisabled,
        ["USCUSTOMER_API_0000114"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000115"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000121"] = UserRegistryErrorKind.AlreadyExists,
        ["USCUSTOMER_API_0000122"] = UserRegistryErrorKind.AlreadyExists,
        ["USCUSTOMER_API_0000125"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000128"] = UserRegistryErrorKind.Unauthorized,
        ["USCUSTOMER_API_0000131"] = UserRegistryErrorKind.Forbidden,
        ["USCUSTOMER_API_0000136"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000137"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000138"] = UserRegistryErrorKind.Forbidden,
        ["USCUSTOMER_API_0000139"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000141"] = UserRegistryErrorKind.AlreadyExists,
        ["USCUSTOMER_API_0000142"] = UserRegistryErrorKind.AlreadyExists,
        ["USCUSTOMER_API_0000146"] = UserRegistryErrorKind.InvalidCredentials,
        ["USCUSTOMER_API_0000147"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000150"] = UserRegistryErrorKind.InvalidCredentials,
        ["USCUSTOMER_API_0000157"] = UserRegistryErrorKind.AccountLocked,
        ["USCUSTOMER_API_0000158"] = UserRegistryErrorKind.AccountDisabled,
        ["USCUSTOMER_API_0000301"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000303"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000306"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000310"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000311"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000312"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000313"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000314"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000315"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000501"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000502"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000503"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000504"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000505"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000506"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000507"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000508"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000509"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000510"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000511"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000512"] = UserRegistryErrorKind.RateLimited,
        ["USCUSTOMER_API_0000517"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000518"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000519"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000520"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000521"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000624"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0000632"] = UserRegistryErrorKind.AlreadyExists,
        ["USCUSTOMER_API_0000633"] = UserRegistryErrorKind.AlreadyExists,
        ["USCUSTOMER_API_0001003"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0001019"] = UserRegistryErrorKind.AlreadyExists,
        ["USCUSTOMER_API_0001020"] = UserRegistryErrorKind.AlreadyExists,
        ["USCUSTOMER_API_0001024"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0001025"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0001029"] = UserRegistryErrorKind.Forbidden,
        ["USCUSTOMER_API_0001030"] = UserRegistryErrorKind.NotFound,
        ["USCUSTOMER_API_0001031"] = UserRegistryErrorKind.InvalidInput,
        ["USCUSTOMER_API_0001050"] = UserRegistryErrorKind.AccountLocked,
    };

    private static IEnumerable<TestCaseData> Codes() =>
        Expected.Where(e => !CmfblErrorTable.TokenExpiredCodes.Contains(e.Key)).Select(e => new TestCaseData(e.Key, e.Value).SetName($"Code_{e.Key}_is_{e.Value}"));

    [Test]
    public void The_table_holds_exactly_the_specified_codes()
    {
        Assert.That(CmfblErrorTable.Table.Codes.Keys, Is.EquivalentTo(Expected.Keys));
    }

    [TestCaseSource(nameof(Codes))]
    public async Task A_read_that_meets_the_code_fails_with_its_kind(string code, UserRegistryErrorKind kind)
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.ExistsBizType, CmfblTestHost.Error(code, "provider message", "t-table"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("86021976")));

        Assert.That(ex!.Kind, Is.EqualTo(kind));
        Assert.That(ex.ProviderCode, Is.EqualTo(code));
        Assert.That(ex.TraceId, Is.EqualTo("t-table"));
    }

    [TestCase("G500")]
    [TestCase("GGATEWAY_CODE_011")]
    [TestCase("GGATEWAY_CODE_902")]
    public async Task A_server_failure_or_timeout_on_register_is_OutcomeUnknown_not_retryable(string code)
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Error(code, "downstream trouble"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(ex.IsRetryable, Is.False);
        Assert.That(ex.ProviderCode, Is.EqualTo(code));
    }

    [TestCase("GGATEWAY_CODE_010")]
    [TestCase("GGATEWAY_CODE_012")]
    public async Task A_refusal_before_dispatch_on_register_stays_retryable(string code)
    {
        using var host = CmfblTestHost.Create();
        host.Answer(CmfblUserRegistry.CreateBizType, CmfblTestHost.Error(code, "no downstream"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unavailable));
        Assert.That(ex.IsRetryable, Is.True);
    }

    [Test]
    public async Task A_503_page_on_register_is_OutcomeUnknown()
    {
        using var host = CmfblTestHost.Create();
        host.Provider.Answer(CmfblTestHost.Url(CmfblUserRegistry.CreateBizType), _ =>
            new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<html>busy</html>") });

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.RegisterAsync(Samples.NewCustomer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
    }
}
