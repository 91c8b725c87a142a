using System.Net;
using BrokerAdapters.Testing.Corpus;
using Newtonsoft.Json.Linq;
using static BrokerAdapters.Testing.Corpus.BadResponses;
using static BrokerAdapters.UserRegistryErrorKind;

namespace BrokerAdapters.Cmfbl.Tests.Corpus;

/// <summary>
/// CMFBL's part of the corpus of bad answers: error envelopes (meaningful to every operation) and, per endpoint,
/// <c>data</c> of the wrong shape. Each endpoint's list is added to <see cref="BadResponses.Common"/>.
/// </summary>
internal static class CmfblBadResponses
{
    public const string ErrorTrace = "t-error";

    /// <summary>Error envelopes and envelope variants that every CMFBL operation must read the same way.</summary>
    public static IReadOnlyList<BadResponse> Envelopes { get; } =
    [
        Coded("rate limited GGATEWAY_CODE_018, 200", HttpStatusCode.OK, "GGATEWAY_CODE_018", RateLimited, RateLimited),
        Coded("system error G500, 200", HttpStatusCode.OK, "G500", Unavailable, OutcomeUnknown),
        Coded("no service GGATEWAY_CODE_010, 200", HttpStatusCode.OK, "GGATEWAY_CODE_010", Unavailable, Unavailable),
        Coded("timeout GGATEWAY_CODE_902, 200", HttpStatusCode.OK, "GGATEWAY_CODE_902", UserRegistryErrorKind.Timeout, OutcomeUnknown),
        Coded("invalid parameter GGATEWAY_CODE_015, 200", HttpStatusCode.OK, "GGATEWAY_CODE_015", InvalidInput, InvalidInput),
        Coded("unknown code, 200", HttpStatusCode.OK, "XYZ_0001", Unknown, Unknown),
        Coded("invalid parameter GGATEWAY_CODE_015, 400", HttpStatusCode.BadRequest, "GGATEWAY_CODE_015", InvalidInput, InvalidInput),
        Coded("invalid account GGATEWAY_CODE_101, 401", HttpStatusCode.Unauthorized, "GGATEWAY_CODE_101", Unauthorized, Unauthorized),
        Coded("token expired GGATEWAY_CODE_005 every time, 401", HttpStatusCode.Unauthorized, "GGATEWAY_CODE_005", Unauthorized, Unauthorized),
        Coded("system error G500, 500", HttpStatusCode.InternalServerError, "G500", Unavailable, OutcomeUnknown),
        Coded("unknown code, 503", HttpStatusCode.ServiceUnavailable, "XYZ_0001", Unavailable, OutcomeUnknown),
        Coded("unknown code, 504", HttpStatusCode.GatewayTimeout, "XYZ_0001", UserRegistryErrorKind.Timeout, OutcomeUnknown),
        new("system error G500 whose msg is an object, 200", HttpStatusCode.OK, _ => Json(Modify(CmfblTestHost.Error("G500", trace: ErrorTrace), o => o["msg"] = new JObject { ["en"] = "busy" })), Unavailable, OutcomeUnknown)
        {
            Trace = ErrorTrace,
        },

        // The status is read before the envelope: a 429 is rate limiting whatever the body says.
        Failure("rate limited envelope, 429", HttpStatusCode.TooManyRequests, _ => Json(CmfblTestHost.Error("GGATEWAY_CODE_018", trace: ErrorTrace)), RateLimited, RateLimited),

        Accepted("code as the number 0", normal => Json(Modify(normal, o => o["code"] = 0))),
        Accepted("no msg, ok, fail, trace, bizCode, tm or msgParams", normal => Json(Modify(normal, o =>
        {
            foreach (var name in new[] { "msg", "ok", "fail", "trace", "bizCode", "tm", "msgParams" })
            {
                o.Remove(name);
            }
        }))),
    ];

    public static IReadOnlyList<BadResponse> Auth { get; } =
    [
        Unreadable("auth: data null", normal => Json(WithData(normal, "null"))),
        Unreadable("auth: no data", normal => Json(Modify(normal, o => o.Remove("data")))),
        Unreadable("auth: data as a string", normal => Json(WithData(normal, "\"admin-token-1\""))),
        Unreadable("auth: data as a number", normal => Json(WithData(normal, "360"))),
        Unreadable("auth: data as an array", normal => Json(WithData(normal, """[{"token":"admin-token-1"}]"""))),
        Unreadable("auth: no token", normal => Json(ModifyData(normal, d => d.Remove("token")))),
        Unreadable("auth: empty token", normal => Json(ModifyData(normal, d => d["token"] = " "))),
        Unreadable("auth: token as an object", normal => Json(ModifyData(normal, d => d["token"] = new JObject { ["value"] = "admin-token-1" }))),
        Unreadable("auth: token as an array", normal => Json(ModifyData(normal, d => d["token"] = new JArray("admin-token-1")))),
        Unreadable("auth: token as a number", normal => Json(ModifyData(normal, d => d["token"] = 12345))),
        Unreadable("auth: token as a boolean", normal => Json(ModifyData(normal, d => d["token"] = true))),
        Unreadable("auth: publicKey as an object", normal => Json(ModifyData(normal, d => d["publicKey"] = new JObject()))),
        Accepted("auth: unknown data members", normal => Json(ModifyData(normal, d => d["expiresIn"] = new JObject { ["seconds"] = 7200 }))),
    ];

    public static IReadOnlyList<BadResponse> Create { get; } =
    [
        Unreadable("create: data null", normal => Json(WithData(normal, "null"))),
        Unreadable("create: no data", normal => Json(Modify(normal, o => o.Remove("data")))),
        Unreadable("create: empty customer number", normal => Json(WithData(normal, "\"\""))),
        Unreadable("create: data as an object", normal => Json(WithData(normal, """{"customerNo":"86021976"}"""))),
        Unreadable("create: data as an array", normal => Json(WithData(normal, """["86021976"]"""))),
        Unreadable("create: data as a boolean", normal => Json(WithData(normal, "true"))),
        Unreadable("create: data as a fraction", normal => Json(WithData(normal, "86021976.5"))),
        Accepted("create: customer number as a JSON number", normal => Json(WithData(normal, "86021976"))),
    ];

    public static IReadOnlyList<BadResponse> Exists { get; } =
    [
        Unreadable("exists: data null", normal => Json(WithData(normal, "null"))),
        Unreadable("exists: no data", normal => Json(Modify(normal, o => o.Remove("data")))),
        Unreadable("exists: 0", normal => Json(WithData(normal, "0"))),
        Unreadable("exists: 3", normal => Json(WithData(normal, "3"))),
        Unreadable("exists: \"yes\"", normal => Json(WithData(normal, "\"yes\""))),
        Unreadable("exists: true", normal => Json(WithData(normal, "true"))),
        Unreadable("exists: 2.0", normal => Json(WithData(normal, "2.0"))),
        Unreadable("exists: beyond long", normal => Json(WithData(normal, "99999999999999999999"))),
        Unreadable("exists: an object", normal => Json(WithData(normal, """{"exists":2}"""))),
        Unreadable("exists: an array", normal => Json(WithData(normal, "[2]"))),
    ];

    public static IReadOnlyList<BadResponse> Page { get; } =
    [
        Unreadable("page: data null", normal => Json(WithData(normal, "null"))),
        Unreadable("page: no data", normal => Json(Modify(normal, o => o.Remove("data")))),
        Unreadable("page: data as a string", normal => Json(WithData(normal, "\"page\""))),
        Unreadable("page: data as a number", normal => Json(WithData(normal, "42"))),
        Unreadable("page: data as an array of the page", normal => Json(Modify(normal, o => o["data"] = new JArray(o["data"]!)))),
        Unreadable("page: records as an object", normal => Json(ModifyData(normal, d => d["records"] = d["records"]![0]))),
        Unreadable("page: records as a string", normal => Json(ModifyData(normal, d => d["records"] = "1176"))),
        Unreadable("page: records as a number", normal => Json(ModifyData(normal, d => d["records"] = 1))),
        Unreadable("page: a null record", normal => Json(ModifyData(normal, d => d["records"] = JArray.Parse("[null]")))),
        Unreadable("page: a record that is a number", normal => Json(ModifyData(normal, d => d["records"] = new JArray(1176)))),
        Unreadable("page: a record that is an array", normal => Json(ModifyData(normal, d => d["records"] = new JArray(d["records"]!)))),
        Unreadable("page: total \"abc\"", normal => Json(ModifyData(normal, d => d["total"] = "abc"))),
        Unreadable("page: total beyond long", normal => Json(ModifyData(normal, d => d["total"] = JToken.Parse("99999999999999999999")))),
        Unreadable("page: total as an object", normal => Json(ModifyData(normal, d => d["total"] = new JObject { ["value"] = 1 }))),
        Unreadable("page: total as a fraction", normal => Json(ModifyData(normal, d => d["total"] = 1.5m))),
        Unreadable("page: total as a boolean", normal => Json(ModifyData(normal, d => d["total"] = true))),
        Unreadable("page: record without id", normal => Json(ModifyData(normal, d => ((JObject)d["records"]![0]!).Remove("id")))),
        Unreadable("page: empty id", normal => Json(Record(normal, r => r["id"] = string.Empty))),
        Unreadable("page: id as an object", normal => Json(Record(normal, r => r["id"] = new JObject { ["value"] = 1176 }))),
        Unreadable("page: id as an array", normal => Json(Record(normal, r => r["id"] = new JArray(1176)))),
        Unreadable("page: customerNo as an object", normal => Json(Record(normal, r => r["customerNo"] = new JObject()))),
        Unreadable("page: createTime \"yesterday\"", normal => Json(Record(normal, r => r["createTime"] = "yesterday"))),
        Unreadable("page: createTime beyond long", normal => Json(Record(normal, r => r["createTime"] = JToken.Parse("99999999999999999999")))),
        Unreadable("page: createTime as a fraction", normal => Json(Record(normal, r => r["createTime"] = 1732530000000.5m))),
        Unreadable("page: registerSource beyond int", normal => Json(Record(normal, r => r["registerSource"] = 99999999999L))),
        Unreadable("page: status \"active\"", normal => Json(Record(normal, r => r["status"] = "active"))),
        Unreadable("page: status as an object", normal => Json(Record(normal, r => r["status"] = new JObject()))),
        Unreadable("page: status as a boolean", normal => Json(Record(normal, r => r["status"] = true))),
        Unreadable("page: phone as an array", normal => Json(Record(normal, r => r["phone"] = new JArray("98763237")))),
        Unreadable("page: email as an object", normal => Json(Record(normal, r => r["email"] = new JObject()))),
        Unreadable("page: phoneArea as a boolean", normal => Json(Record(normal, r => r["phoneArea"] = false))),
        Accepted("page: integers as quoted strings", normal => Json(ModifyData(normal, d =>
        {
            d["total"] = "1";
            var record = (JObject)d["records"]![0]!;
            record["createTime"] = "1732530000000";
            record["status"] = "1";
            record["registerSource"] = "2";
        }))),
        Accepted("page: unknown record and page members", normal => Json(ModifyData(normal, d =>
        {
            d["pages"] = 1;
            d["orders"] = new JArray();
            ((JObject)d["records"]![0]!)["vipLevel"] = new JObject { ["level"] = 3 };
        }))),
    ];

    public static IReadOnlyList<BadResponse> Detail { get; } =
    [
        Unreadable("detail: data as a string", normal => Json(WithData(normal, "\"baseInfo\""))),
        Unreadable("detail: data as a number", normal => Json(WithData(normal, "1176"))),
        Unreadable("detail: data as a boolean", normal => Json(WithData(normal, "true"))),
        Unreadable("detail: data as an array of the detail", normal => Json(Modify(normal, o => o["data"] = new JArray(o["data"]!)))),
        Unreadable("detail: empty id", normal => Json(ModifyData(normal, d => d["id"] = " "))),
        Unreadable("detail: id as an object", normal => Json(ModifyData(normal, d => d["id"] = new JObject { ["value"] = 1176 }))),
        Unreadable("detail: customerNo as an array", normal => Json(ModifyData(normal, d => d["customerNo"] = new JArray("86021976")))),
        Unreadable("detail: createTime \"yesterday\"", normal => Json(ModifyData(normal, d => d["createTime"] = "yesterday"))),
        Unreadable("detail: loginTime beyond the year 9999", normal => Json(ModifyData(normal, d => d["loginTime"] = 99999999999999999L))),
        Unreadable("detail: registerTime beyond long", normal => Json(ModifyData(normal, d => d["registerTime"] = JToken.Parse("-99999999999999999999")))),
        Unreadable("detail: registerSource beyond int", normal => Json(ModifyData(normal, d => d["registerSource"] = 4294967297L))),
        Unreadable("detail: status \"active\"", normal => Json(ModifyData(normal, d => d["status"] = "active"))),
        Unreadable("detail: firstName as an object", normal => Json(ModifyData(normal, d => d["firstName"] = new JObject()))),
        Unreadable("detail: kycStatus as an array", normal => Json(ModifyData(normal, d => d["kycStatus"] = new JArray(1)))),

        // Some companies answer no base info: the page record stands in for it.
        Accepted("detail: data null", normal => Json(WithData(normal, "null"))),
        Accepted("detail: no data", normal => Json(Modify(normal, o => o.Remove("data")))),
        Accepted("detail: data as an empty object", normal => Json(WithData(normal, "{}"))),
        Accepted("detail: unknown members", normal => Json(ModifyData(normal, d => d["riskLevel"] = new JArray("low", 2, JValue.CreateNull())))),
    ];

    public static IReadOnlyList<BadResponse> Login { get; } =
    [
        Unreadable("login: data null", normal => Json(WithData(normal, "null"))),
        Unreadable("login: no data", normal => Json(Modify(normal, o => o.Remove("data")))),
        Unreadable("login: data as a string", normal => Json(WithData(normal, "\"customer-session-token\""))),
        Unreadable("login: data as an array of the customer", normal => Json(Modify(normal, o => o["data"] = new JArray(o["data"]!)))),
        Unreadable("login: no token", normal => Json(ModifyData(normal, d => d.Remove("token")))),
        Unreadable("login: empty token", normal => Json(ModifyData(normal, d => d["token"] = string.Empty))),
        Unreadable("login: token as a number", normal => Json(ModifyData(normal, d => d["token"] = 42))),
        Unreadable("login: token as an object", normal => Json(ModifyData(normal, d => d["token"] = new JObject()))),
        Unreadable("login: no id", normal => Json(ModifyData(normal, d => d.Remove("id")))),
        Unreadable("login: id as an array", normal => Json(ModifyData(normal, d => d["id"] = new JArray(1176)))),
        Unreadable("login: loginTime \"now\"", normal => Json(ModifyData(normal, d => d["loginTime"] = "now"))),
        Unreadable("login: createTime beyond the year 9999", normal => Json(ModifyData(normal, d => d["createTime"] = 253402300800000L))),
        Unreadable("login: status beyond int", normal => Json(ModifyData(normal, d => d["status"] = 2147483648L))),
        Coded("login: wrong password USCUSTOMER_API_0000102, 200", HttpStatusCode.OK, "USCUSTOMER_API_0000102", InvalidCredentials, InvalidCredentials),
        Coded("login: locked USCUSTOMER_API_0001050, 200", HttpStatusCode.OK, "USCUSTOMER_API_0001050", AccountLocked, AccountLocked),
        Accepted("login: unknown members", normal => Json(ModifyData(normal, d => d["deviceList"] = new JArray(new JObject { ["os"] = "ios" })))),
    ];

    private static BadResponse Coded(string name, HttpStatusCode status, string code, UserRegistryErrorKind read, UserRegistryErrorKind write) =>
        new(name, status, _ => Json(CmfblTestHost.Error(code, trace: ErrorTrace)), read, write) { Trace = ErrorTrace };

    private static string Record(string normal, Action<JObject> change) =>
        ModifyData(normal, d => change((JObject)d["records"]![0]!));
}
