using BrokerAdapters.Contracts.Tests.TestSupport;
using BrokerAdapters.Testing.Support;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Contracts.Tests;

/// <summary>
/// Proves the schemas bite: each case starts from a body that conforms, changes one thing, and expects the
/// violation that change causes, at the place it was made.
/// </summary>
public sealed class SchemaStrictnessTests
{
    private const string Cmfbl = "cmfbl";
    private const string McCrm = "mccrm";

    private static readonly BodyCase[] Cases =
    [
        // CMFBL create: strict request body.
        Request("create: an unknown member", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.json", b => b["remark"] = "vip", "NoAdditionalPropertiesAllowed", "/remark"),
        Request("create: registerSource as text", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.json", b => b["registerSource"] = "2", "IntegerExpected", "/registerSource"),
        Request("create: registerSource out of range", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.json", b => b["registerSource"] = 10, "NotInEnumeration", "/registerSource"),
        Request("create: customerGroupId as text", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.json", b => b["customerGroupId"] = "1", "IntegerExpected", "/customerGroupId"),
        Request("create: no pwd", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.json", b => b.Remove("pwd"), "PropertyRequired", "/pwd"),
        Request("create: no phone", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.minimal.json", b => b.Remove("phone"), "PropertyRequired", "/phone"),
        Request("create: thirdServerCode of 51 characters", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.json", b => b["thirdServerCode"] = new string('x', 51), "StringTooLong", "/thirdServerCode"),
        Request("create: upper-case MD5", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.json", b => b["pwd"] = "DC483E80A7A0BD9EF71D8CF973673924", "PatternMismatch", "/pwd"),
        Request("create: plain password", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.json", b => b["pwd"] = "a123456", "PatternMismatch", "/pwd"),
        Request("create: phoneArea without +", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.json", b => b["phoneArea"] = "852", "PatternMismatch", "/phoneArea"),
        Request("create: lower-case country", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.json", b => b["country"] = "hk", "PatternMismatch", "/country"),
        Request("create: tradeType as a number", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.json", b => b["tradeTypeCurrencyList"]![0]!["tradeType"] = 1, "StringExpected", "/tradeTypeCurrencyList/0/tradeType"),
        Request("create: empty tradeTypeCurrencyList", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.json", b => b["tradeTypeCurrencyList"] = new JArray(), "TooFewItems", "/tradeTypeCurrencyList"),
        Request("create: email sent as null", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.json", b => b["email"] = JValue.CreateNull(), "StringExpected", "/email"),

        // CMFBL exists, page, detail, group list, login.
        Request("exists: type 4", Cmfbl, CmfblContractHost.ExistsPath, "check-exist-number.request.json", b => b["type"] = 4, "NotInEnumeration", "/type"),
        Request("exists: phone without phoneArea", Cmfbl, CmfblContractHost.ExistsPath, "check-exist-phone.request.json", b => b.Remove("phoneArea"), "PropertyRequired", "/phoneArea"),
        Request("exists: email that is not one", Cmfbl, CmfblContractHost.ExistsPath, "check-exist-email.request.json", b => b["loginName"] = "chan.tai.man", "EmailExpected", "/loginName"),
        Request("exists: phoneArea with an email", Cmfbl, CmfblContractHost.ExistsPath, "check-exist-email.request.json", b => b["phoneArea"] = "+852", "ExcludedSchemaValidates", string.Empty),
        Request("page: size 2001", Cmfbl, CmfblContractHost.PagePath, "page-all.request.json", b => b["size"] = 2001, "NumberTooBig", "/size"),
        Request("page: size 0", Cmfbl, CmfblContractHost.PagePath, "page-all.request.json", b => b["size"] = 0, "NumberTooSmall", "/size"),
        Request("page: current 0", Cmfbl, CmfblContractHost.PagePath, "page-all.request.json", b => b["current"] = 0, "NumberTooSmall", "/current"),
        Request("page: customerNo left out instead of null", Cmfbl, CmfblContractHost.PagePath, "page-all.request.json", b => b.Remove("customerNo"), "PropertyRequired", "/customerNo"),
        Request("detail: unknown section", Cmfbl, CmfblContractHost.DetailPath, "detail.request.json", b => b["type"] = "contacts", "NotInEnumeration", "/type"),
        Request("detail: id as a number", Cmfbl, CmfblContractHost.DetailPath, "detail.request.json", b => b["id"] = 1176, "StringExpected", "/id"),
        Request("group list: any member", Cmfbl, CmfblContractHost.GroupListPath, "group-list.request.json", b => b["customerNo"] = "86000020", "NoAdditionalPropertiesAllowed", "/customerNo"),
        Request("login: upper-case MD5", Cmfbl, CmfblContractHost.LoginPath, "login-phone.request.json", b => b["loginPwd"] = "DC483E80A7A0BD9EF71D8CF973673924", "PatternMismatch", "/loginPwd"),
        Request("login: isThird as text", Cmfbl, CmfblContractHost.LoginPath, "login-phone.request.json", b => b["isThird"] = "false", "BooleanExpected", "/isThird"),
        Request("login: device 0", Cmfbl, CmfblContractHost.LoginPath, "login-email.request.json", b => b["device"] = 0, "NotInEnumeration", "/device"),
        Request("login: no device", Cmfbl, CmfblContractHost.LoginPath, "login-email.request.json", b => b.Remove("device"), "PropertyRequired", "/device"),
        Request("login: encrypted body (login is never encrypted)", Cmfbl, CmfblContractHost.LoginPath, "login-email.request.json", ReplaceWithEncrypted, "NoAdditionalPropertiesAllowed", "/data"),
        Request("auth: an unknown member", Cmfbl, CmfblContractHost.AuthPath, "auth.request.json", b => b["companyId"] = "360", "NoAdditionalPropertiesAllowed", "/companyId"),

        // CMFBL customer sessions and the account list.
        Request("send code: phone without the space", Cmfbl, CmfblContractHost.VerifyCodeSendPath, "verify-code-send.request.json", b => b["toUser"] = "+85298763237", "PatternMismatch", "/toUser"),
        Request("send code: a login code", Cmfbl, CmfblContractHost.VerifyCodeSendPath, "verify-code-send.request.json", b => b["bizType"] = "SMS_LOGIN_VERIFICATION_CODE", "NotInEnumeration", "/bizType"),
        Request("send code: no companyId", Cmfbl, CmfblContractHost.VerifyCodeSendPath, "verify-code-send.request.json", b => b.Remove("companyId"), "PropertyRequired", "/companyId"),
        Request("register: no verifyCode", Cmfbl, CmfblContractHost.RegisterPath, "register.request.json", b => b.Remove("verifyCode"), "PropertyRequired", "/verifyCode"),
        Request("register: no sendToken", Cmfbl, CmfblContractHost.RegisterPath, "register.request.json", b => b.Remove("sendToken"), "PropertyRequired", "/sendToken"),
        Request("register: login type 3", Cmfbl, CmfblContractHost.RegisterPath, "register.request.json", b => b["type"] = 3, "NotInEnumeration", "/type"),
        Request("register: an email member", Cmfbl, CmfblContractHost.RegisterPath, "register.request.json", b => b["email"] = "chan.tai.man@example.com", "NoAdditionalPropertiesAllowed", "/email"),
        Request("register: plain password", Cmfbl, CmfblContractHost.RegisterPath, "register.request.json", b => b["pwd"] = "a123456", "PatternMismatch", "/pwd"),
        Request("switch: any member", Cmfbl, CmfblContractHost.SwitchAccountPath, "switch-account.request.json", b => b["accountId"] = 2001176, "NoAdditionalPropertiesAllowed", "/accountId"),
        Request("account list: tradeType as text", Cmfbl, CmfblContractHost.AccountListPath, "account-list.request.json", b => b["tradeType"] = "1", "IntegerExpected", "/tradeType"),
        Request("account list: no customerNo", Cmfbl, CmfblContractHost.AccountListPath, "account-list.request.json", b => b.Remove("customerNo"), "PropertyRequired", "/customerNo"),
        Response("account answer: balance as a number", Cmfbl, CmfblContractHost.AccountListPath, "account-list.response.json", b => b["data"]![0]!["balance"] = 47.31929, "StringExpected", "/data/0/balance"),
        Response("account answer: no accountId", Cmfbl, CmfblContractHost.AccountListPath, "account-list.response.json", b => ((JObject)b["data"]![0]!).Remove("accountId"), "PropertyRequired", "/data/0/accountId"),
        Response("send code answer: no ticket", Cmfbl, CmfblContractHost.VerifyCodeSendPath, "verify-code-send.response.json", b => ((JObject)b["data"]!).Remove("token"), "PropertyRequired", "/data/token"),
        Response("switch answer: no token", Cmfbl, CmfblContractHost.SwitchAccountPath, "switch-account.response.json", b => ((JObject)b["data"]!).Remove("token"), "PropertyRequired", "/data/token"),
        Response("key answer: an object", Cmfbl, CmfblContractHost.RandomKeyPath, "random-key.response.json", b => b["data"] = new JObject { ["key"] = "k" }, "StringExpected", "/data"),

        // CMFBL encrypted and signed bodies.
        Request("encrypted: data that is not base64", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.encrypted.json", b => b["data"] = "not base64!", "PatternMismatch", "/data"),
        Request("encrypted: empty block", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.encrypted.json", b => b["data"] = (string)b["data"]! + ",", "PatternMismatch", "/data"),
        Request("encrypted: a member beside data", Cmfbl, CmfblContractHost.CreatePath, "create-customer.request.encrypted.json", b => b["trace"] = "x-1", "NoAdditionalPropertiesAllowed", "/trace"),
        Signed("signed: no signature", CmfblContractHost.PagePath, "page-by-number.request.json", b => b.Remove("signature"), "PropertyRequired", "/signature"),
        Signed("signed: lower-case signature", CmfblContractHost.PagePath, "page-by-number.request.json", b => b["signature"] = ((string)b["signature"]!).ToLowerInvariant(), "PatternMismatch", "/signature"),
        Signed("signed: timestamp in seconds", CmfblContractHost.PagePath, "page-by-number.request.json", b => b["timestamp"] = 1732530000, "NumberTooSmall", "/timestamp"),
        Signed("signed: the plain part breaks its schema", CmfblContractHost.DetailPath, "detail.request.json", b => b["type"] = "everything", "NotInEnumeration", "/type"),

        // CMFBL answers.
        Response("page answer: record id as text", Cmfbl, CmfblContractHost.PagePath, "page-by-number.response.json", b => b["data"]!["records"]![0]!["id"] = "1176", "IntegerExpected", "/data/records/0/id"),
        Response("page answer: createTime as ISO text", Cmfbl, CmfblContractHost.PagePath, "page-by-number.response.json", b => b["data"]!["records"]![0]!["createTime"] = "2024-11-25T10:20:00Z", "IntegerExpected", "/data/records/0/createTime"),
        Response("page answer: no total", Cmfbl, CmfblContractHost.PagePath, "page-by-number.response.json", b => ((JObject)b["data"]!).Remove("total"), "PropertyRequired", "/data/total"),
        Response("exists answer: 3", Cmfbl, CmfblContractHost.ExistsPath, "check-exist.response.exists.json", b => b["data"] = 3, "NotInEnumeration", "/data"),
        Response("create answer: the number as a number", Cmfbl, CmfblContractHost.CreatePath, "create-customer.response.json", b => b["data"] = 86021976, "StringExpected", "/data"),
        Response("create answer: code 0 as a number", Cmfbl, CmfblContractHost.CreatePath, "create-customer.response.json", b => b["code"] = 0, "StringExpected", "/code"),
        Response("success that says ok false", Cmfbl, CmfblContractHost.CreatePath, "create-customer.response.json", b => b["ok"] = false, "NotInEnumeration", "/ok"),
        Response("error that says ok true", Cmfbl, CmfblContractHost.CreatePath, "error.phone-exists.response.json", b => b["ok"] = true, "NotInEnumeration", "/ok"),
        Response("login answer: no token", Cmfbl, CmfblContractHost.LoginPath, "login.response.json", b => ((JObject)b["data"]!).Remove("token"), "PropertyRequired", "/data/token"),
        Response("auth answer: no token", Cmfbl, CmfblContractHost.AuthPath, "auth.response.json", b => ((JObject)b["data"]!).Remove("token"), "PropertyRequired", "/data/token"),
        Response("group answer: id as text", Cmfbl, CmfblContractHost.GroupListPath, "group-list.response.json", b => b["data"]![0]!["id"] = "1", "IntegerExpected", "/data/0/id"),
        Response("detail answer: baseInfo with a text id", Cmfbl, CmfblContractHost.DetailPath, "detail.response.json", b => b["data"]!["id"] = "1176", "IntegerExpected", "/data/id"),

        // MC-CRM requests.
        Request("signup: an unknown member", McCrm, McCrmContractHost.SignupPath, "signup.request.with-ciphertext.json", b => b["registrationDate"] = "2025-03-04", "NoAdditionalPropertiesAllowed", "/registrationDate"),
        Request("signup: plain-text password", McCrm, McCrmContractHost.SignupPath, "signup.request.with-ciphertext.json", b => b["password"] = "S3cure!pass-2025", "PatternMismatch", "/password"),
        Request("signup: userId of 65 characters", McCrm, McCrmContractHost.SignupPath, "signup.request.email-only.json", b => b["userId"] = new string('u', 65), "StringTooLong", "/userId"),
        Request("signup: userName of 51 characters", McCrm, McCrmContractHost.SignupPath, "signup.request.email-only.json", b => b["userName"] = new string('n', 51), "StringTooLong", "/userName"),
        Request("signup: email of 101 characters", McCrm, McCrmContractHost.SignupPath, "signup.request.email-only.json", b => b["email"] = new string('e', 89) + "@example.com", "StringTooLong", "/email"),
        Request("signup: phoneNumber of 21 digits", McCrm, McCrmContractHost.SignupPath, "signup.request.with-ciphertext.json", b => b["phoneNumber"] = new string('9', 21), "PatternMismatch", "/phoneNumber"),
        Request("signup: address of 256 characters", McCrm, McCrmContractHost.SignupPath, "signup.request.email-only.json", b => b["address"] = new string('a', 256), "StringTooLong", "/address"),
        Request("signup: city of 51 characters", McCrm, McCrmContractHost.SignupPath, "signup.request.email-only.json", b => b["city"] = new string('c', 51), "StringTooLong", "/city"),
        Request("signup: postalCode of 21 characters", McCrm, McCrmContractHost.SignupPath, "signup.request.email-only.json", b => b["postalCode"] = new string('1', 21), "StringTooLong", "/postalCode"),
        Request("signup: prefix with +", McCrm, McCrmContractHost.SignupPath, "signup.request.with-ciphertext.json", b => b["phoneNumberPrefix"] = "+852", "PatternMismatch", "/phoneNumberPrefix"),
        Request("signup: neither email nor phone", McCrm, McCrmContractHost.SignupPath, "signup.request.email-only.json", b => b.Remove("email"), "NotAnyOf", string.Empty),
        Request("signup: a number without its prefix", McCrm, McCrmContractHost.SignupPath, "signup.request.with-ciphertext.json", b => b.Remove("phoneNumberPrefix"), "ExcludedSchemaValidates", string.Empty),
        Request("signup: date of birth not ISO", McCrm, McCrmContractHost.SignupPath, "signup.request.email-only.json", b => b["dateOfBirth"] = "17/05/1990", "DateExpected", "/dateOfBirth"),
        Request("signup: ip that is not one", McCrm, McCrmContractHost.SignupPath, "signup.request.with-ciphertext.json", b => b["ip"] = "localhost", "NotAnyOf", "/ip"),
        Request("signup: no bizName", McCrm, McCrmContractHost.SignupPath, "signup.request.with-ciphertext.json", b => b.Remove("bizName"), "PropertyRequired", "/bizName"),
        Request("query: uid as a number", McCrm, McCrmContractHost.QueryUidPath, "query-uid.request.json", b => b["uid"] = 200417, "StringExpected", "/uid"),
        Request("query: no uid", McCrm, McCrmContractHost.QueryUidPath, "query-uid.request.json", b => b.Remove("uid"), "PropertyRequired", "/uid"),

        // MC-CRM answers.
        Response("user without uid", McCrm, McCrmContractHost.QueryUidPath, "query-uid.response.json", b => ((JObject)b["data"]!).Remove("uid"), "PropertyRequired", "/data/uid"),
        Response("createTime with an offset", McCrm, McCrmContractHost.SignupPath, "signup.response.json", b => b["data"]!["createTime"] = "2025-03-04T09:15:42+08:00", "PatternMismatch", "/data/createTime"),
        Response("phoneNumberPrefix as text", McCrm, McCrmContractHost.SignupPath, "signup.response.json", b => b["data"]!["phoneNumberPrefix"] = "852", "IntegerExpected", "/data/phoneNumberPrefix"),
        Response("status 2", McCrm, McCrmContractHost.QueryUidPath, "query-uid.response.json", b => b["data"]!["status"] = 2, "NotInEnumeration", "/data/status"),
        Response("code 0 that says success false", McCrm, McCrmContractHost.SignupPath, "signup.response.json", b => b["success"] = false, "NotInEnumeration", "/success"),
        Response("signup success without data", McCrm, McCrmContractHost.SignupPath, "signup.response.code200.json", b => b["data"] = JValue.CreateNull(), "ObjectExpected", "/data"),
        Response("error that says success true", McCrm, McCrmContractHost.SignupPath, "error.already-exists.json", b => b["success"] = true, "NotInEnumeration", "/success"),
    ];

    public static IEnumerable<TestCaseData> CaseNames() => Cases.Select(c => new TestCaseData(c.Name).SetArgDisplayNames(c.Name));

    [TestCaseSource(nameof(CaseNames))]
    public async Task A_single_change_makes_a_conforming_body_fail(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        var contract = await ContractValidator.LoadAsync(@case.Provider);
        var original = @case.Build(contract);
        var changed = original.DeepClone();
        @case.Change((JObject)changed);

        Assert.That(@case.Validate(contract, original), Is.Empty, "the starting body must conform");
        var violations = @case.Validate(contract, changed);
        Assert.That(
            violations.Any(v => v.Kind == @case.ExpectedKind && v.Pointer == @case.ExpectedPointer),
            Is.True,
            $"expected {@case.ExpectedKind} at '{@case.ExpectedPointer}' but got: {string.Join("; ", violations)}");
    }

    [Test]
    public async Task Missing_required_headers_are_reported()
    {
        var cmfbl = await ContractValidator.LoadAsync(Cmfbl);
        var mccrm = await ContractValidator.LoadAsync(McCrm);
        var complete = new Dictionary<string, string>
        {
            ["trace"] = "t-0123456789abcdef0123456789abcdef",
            ["token"] = "admin-token-1",
            ["version"] = "0.0.1",
            ["companyId"] = "360",
            ["lang"] = "en-US",
            ["timestamp"] = "1732530000000",
        };

        Assert.That(cmfbl.RequestHeaderErrors(CmfblContractHost.PagePath, complete), Is.Empty);
        foreach (var header in new[] { "trace", "token", "version", "companyId", "timestamp" })
        {
            var headers = complete.Where(h => h.Key != header).ToDictionary();
            Assert.That(cmfbl.RequestHeaderErrors(CmfblContractHost.PagePath, headers), Has.Some.EqualTo(new ContractViolation("HeaderMissing", "header:" + header, header)), header);
        }

        var withoutLang = complete.Where(h => h.Key is not "lang" and not "token").ToDictionary();
        Assert.That(cmfbl.RequestHeaderErrors(CmfblContractHost.PagePath, complete.Where(h => h.Key != "lang").ToDictionary()), Is.Empty, "lang is optional on the Manager API");
        Assert.That(cmfbl.RequestHeaderErrors(CmfblContractHost.LoginPath, withoutLang).Select(v => v.Pointer), Is.EqualTo(new[] { "header:lang" }), "lang is required on the Client API");
        Assert.That(mccrm.RequestHeaderErrors(McCrmContractHost.SignupPath, new Dictionary<string, string>()).Select(v => v.Pointer), Is.EqualTo(new[] { "header:token" }));
    }

    [TestCase("timestamp", "1732530000", "PatternMismatch")]
    [TestCase("timestamp", "now", "PatternMismatch")]
    [TestCase("companyId", "acme", "PatternMismatch")]
    [TestCase("version", "v1", "PatternMismatch")]
    [TestCase("trace", "t-with space", "PatternMismatch")]
    [TestCase("trace", "t-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "StringTooLong")]
    public async Task Malformed_cmfbl_headers_are_reported(string header, string value, string kind)
    {
        var cmfbl = await ContractValidator.LoadAsync(Cmfbl);
        var headers = new Dictionary<string, string>
        {
            ["trace"] = "x-0123456789abcdef0123456789abcdef",
            ["token"] = "admin-token-1",
            ["version"] = "0.0.1",
            ["companyId"] = "360",
            ["timestamp"] = "1732530000000",
            [header] = value,
        };

        Assert.That(cmfbl.RequestHeaderErrors(CmfblContractHost.ExistsPath, headers), Is.EqualTo(new[] { new ContractViolation(kind, "header:" + header) }));
    }

    [Test]
    public async Task A_429_must_carry_the_three_rate_limit_headers()
    {
        var cmfbl = await ContractValidator.LoadAsync(Cmfbl);
        var complete = new Dictionary<string, string> { ["x-ratelimit-limit"] = "300", ["x-ratelimit-remairing"] = "0", ["x-ratelimit-reset"] = "60" };

        Assert.That(cmfbl.ResponseHeaderErrors(CmfblContractHost.PagePath, 429, complete), Is.Empty);
        Assert.That(cmfbl.ResponseHeaderErrors(CmfblContractHost.PagePath, 200, new Dictionary<string, string>()), Is.Empty, "optional on other answers");
        Assert.That(
            cmfbl.ResponseHeaderErrors(CmfblContractHost.PagePath, 429, complete.Where(h => h.Key != "x-ratelimit-remairing").ToDictionary()),
            Is.EqualTo(new[] { new ContractViolation("HeaderMissing", "header:x-ratelimit-remairing", "x-ratelimit-remairing") }),
            "the provider's spelling, remairing, is the one required");
        Assert.That(
            cmfbl.ResponseHeaderErrors(CmfblContractHost.PagePath, 429, new Dictionary<string, string>(complete) { ["x-ratelimit-limit"] = "lots" }),
            Is.EqualTo(new[] { new ContractViolation("IntegerExpected", "header:x-ratelimit-limit") }));
        Assert.That(cmfbl.ResponseErrors(CmfblContractHost.PagePath, 429, "{\"anything\":true}"), Is.Empty, "the 429 body is not described");
    }

    [Test]
    public async Task Undescribed_paths_statuses_and_unreadable_json_are_violations_too()
    {
        var cmfbl = await ContractValidator.LoadAsync(Cmfbl);
        var mccrm = await ContractValidator.LoadAsync(McCrm);

        Assert.That(cmfbl.RequestErrors("/openapi-b/fund.admin.CustomerActivityBonusAdminDubboService.queryOneLockTradeAccount", "{}").Single().Kind, Is.EqualTo("UndescribedPath"));
        Assert.That(cmfbl.ResponseErrors(CmfblContractHost.PagePath, 500, "{}").Single().Kind, Is.EqualTo("UndescribedStatus"));
        Assert.That(cmfbl.RequestErrors(CmfblContractHost.PagePath, "{\"size\":").Single().Kind, Is.EqualTo("InvalidJson"));
        Assert.That(cmfbl.SignedRequestErrors(CmfblContractHost.LoginPath, "{}").Single().Kind, Is.EqualTo("NoEncryptedForm"));
        Assert.That(mccrm.SignedRequestErrors(McCrmContractHost.SignupPath, "{}").Single().Kind, Is.EqualTo("NoEncryptedForm"));
        Assert.That(mccrm.ResponseErrors(McCrmContractHost.SignupPath, 500, Fixtures.Text(McCrm, "error.server.json")), Is.Empty, "default describes any other status");
        Assert.That(mccrm.ResponseErrors(McCrmContractHost.SignupPath, 500, Fixtures.Text(McCrm, "signup.response.json")), Is.Not.Empty, "a success envelope is not an error");
    }

    [Test]
    public async Task Request_urls_map_to_contract_paths_whatever_the_host_and_base_path()
    {
        var cmfbl = await ContractValidator.LoadAsync(Cmfbl);
        var mccrm = await ContractValidator.LoadAsync(McCrm);

        Assert.That(mccrm.FindPath(new Uri("https://test-gateway.example/mc-crm/openapi/v1/user/query/uid")), Is.EqualTo(McCrmContractHost.QueryUidPath));
        Assert.That(mccrm.FindPath(new Uri("https://test-gateway.example/mc-crm/openapi/v1/user/query")), Is.Null);
        Assert.That(cmfbl.FindPath(new Uri("https://api.example/openapi-b/customer.admin.WhiteCustomerAdminApiService.page?x=1")), Is.EqualTo(CmfblContractHost.PagePath));
        Assert.That(cmfbl.FindPath(new Uri("https://api.example/api/login/customer.app.CustomerWebApiService.login")), Is.EqualTo(CmfblContractHost.LoginPath));
        Assert.That(cmfbl.FindPath(new Uri("https://api.example/api/register/customer.app.CustomerWebApiService.register")), Is.EqualTo(CmfblContractHost.RegisterPath));
        Assert.That(cmfbl.FindPath(new Uri("https://api.example/api/global/customer.app.CustomerWebApiService.findCustomerInfo")), Is.Null);
    }

    private static BodyCase Request(string name, string provider, string path, string fixture, Action<JObject> change, string kind, string pointer) =>
        new(name, provider, change, kind, pointer, _ => Fixtures.Json(provider, fixture), (c, b) => c.RequestErrors(path, b));

    private static BodyCase Response(string name, string provider, string path, string fixture, Action<JObject> change, string kind, string pointer) =>
        new(name, provider, change, kind, pointer, _ => Fixtures.Json(provider, fixture), (c, b) => c.ResponseErrors(path, 200, b));

    /// <summary>A decrypted (signed) body: the plain fixture plus a timestamp and its signature.</summary>
    private static BodyCase Signed(string name, string path, string fixture, Action<JObject> change, string kind, string pointer) =>
        new(
            name,
            Cmfbl,
            change,
            kind,
            pointer,
            _ =>
            {
                var body = (JObject)Fixtures.Json(Cmfbl, fixture);
                body["timestamp"] = CmfblContractHost.Now;
                body["signature"] = CmfblContractHost.ExpectedSignature(body);
                return body;
            },
            (c, b) => c.SignedRequestErrors(path, b.ToString()));

    private static void ReplaceWithEncrypted(JObject body)
    {
        body.RemoveAll();
        body["data"] = (string)Fixtures.Json(Cmfbl, "create-customer.request.encrypted.json")["data"]!;
    }

    private sealed record BodyCase(
        string Name,
        string Provider,
        Action<JObject> Change,
        string ExpectedKind,
        string ExpectedPointer,
        Func<ContractValidator, JToken> Build,
        Func<ContractValidator, JToken, IReadOnlyList<ContractViolation>> Validate);
}
