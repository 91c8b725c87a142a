using System.Net;
using BrokerAdapters.Testing.Corpus;
using Newtonsoft.Json.Linq;
using static BrokerAdapters.Testing.Corpus.BadResponses;
using static BrokerAdapters.UserRegistryErrorKind;

namespace BrokerAdapters.McCrm.Tests.Corpus;

/// <summary>
/// MC-CRM's part of the corpus of bad answers: error envelopes and envelope variants, and user objects of the wrong
/// shape. Signup and query by uid answer the same envelope and the same user object, so both meet every case.
/// </summary>
internal static class McCrmBadResponses
{
    public static IReadOnlyList<BadResponse> Envelopes { get; } =
    [
        Coded("code 303 parameter error, 200", HttpStatusCode.OK, "\"303\"", InvalidInput, InvalidInput),
        Coded("code 500 server error, 200", HttpStatusCode.OK, "\"500\"", Unavailable, OutcomeUnknown),
        Coded("code 401, 200", HttpStatusCode.OK, "\"401\"", Unauthorized, Unauthorized),
        Coded("code 403, 200", HttpStatusCode.OK, "\"403\"", Forbidden, Forbidden),
        Coded("code 429, 200", HttpStatusCode.OK, "\"429\"", RateLimited, RateLimited),
        Coded("unknown code, 200", HttpStatusCode.OK, "\"12345\"", Unknown, Unknown),
        Coded("code 303 as a number, 200", HttpStatusCode.OK, "303", InvalidInput, InvalidInput),
        Coded("code 303 parameter error, 400", HttpStatusCode.BadRequest, "\"303\"", InvalidInput, InvalidInput),
        Coded("code 401, 401", HttpStatusCode.Unauthorized, "\"401\"", Unauthorized, Unauthorized),
        Coded("code 500 server error, 500", HttpStatusCode.InternalServerError, "\"500\"", Unavailable, OutcomeUnknown),
        Coded("unknown code, 502", HttpStatusCode.BadGateway, "\"12345\"", Unavailable, OutcomeUnknown),
        Coded("unknown code, 504", HttpStatusCode.GatewayTimeout, "\"12345\"", UserRegistryErrorKind.Timeout, OutcomeUnknown),
        new("already exists under code 500, 200", HttpStatusCode.OK, _ => Json("""{"code":"500","msg":"Phone number already exists","data":null,"success":false}"""), AlreadyExists, AlreadyExists),
        new("code 303 whose msg is an object, 200", HttpStatusCode.OK, _ => Json("""{"code":"303","msg":{"en":"bad"},"data":null,"success":false}"""), InvalidInput, InvalidInput),
        Unreadable("success as a string", normal => Json(Modify(normal, o => o["success"] = "true"))),
        Unreadable("success as a number", normal => Json(Modify(normal, o => o["success"] = 1))),
        // success false wins over a success code: a failure whose reason is not known.
        Failure("success false under code 0", HttpStatusCode.OK, normal => Json(Modify(normal, o => o["success"] = false)), Unknown, Unknown),
        Failure("success false under code 200", HttpStatusCode.OK, normal => Json(Modify(normal, o =>
        {
            o["code"] = 200;
            o["success"] = false;
        })), Unknown, Unknown),
        Unreadable("code 0 as a fraction", normal => Json(Modify(normal, o => o["code"] = 0.0m))),
        Accepted("code 200 as a number without success", normal => Json(Modify(normal, o =>
        {
            o["code"] = 200;
            o.Remove("success");
        }))),
        Accepted("code as the number 0", normal => Json(Modify(normal, o => o["code"] = 0))),
        Accepted("no msg and no success", normal => Json(Modify(normal, o =>
        {
            o.Remove("msg");
            o.Remove("success");
        }))),
    ];

    public static IReadOnlyList<BadResponse> User { get; } =
    [
        Unreadable("user: data as an array of the user", normal => Json(Modify(normal, o => o["data"] = new JArray(o["data"]!)))),
        Unreadable("user: data as a string", normal => Json(WithData(normal, "\"3f9d2c7e81b44a0f9c6e5d1a2b3c4d5e\""))),
        Unreadable("user: data as a number", normal => Json(WithData(normal, "200417"))),
        Unreadable("user: data as a boolean", normal => Json(WithData(normal, "true"))),
        Unreadable("user: data as an empty object", normal => Json(WithData(normal, "{}"))),
        Unreadable("user: no uid", normal => Json(ModifyData(normal, d => d.Remove("uid")))),
        Unreadable("user: empty uid", normal => Json(ModifyData(normal, d => d["uid"] = " "))),
        Unreadable("user: uid as an object", normal => Json(ModifyData(normal, d => d["uid"] = new JObject { ["id"] = "u1" }))),
        Unreadable("user: uid as an array", normal => Json(ModifyData(normal, d => d["uid"] = new JArray("u1")))),
        Unreadable("user: uid as a boolean", normal => Json(ModifyData(normal, d => d["uid"] = true))),
        Unreadable("user: status \"enabled\"", normal => Json(ModifyData(normal, d => d["status"] = "enabled"))),
        Unreadable("user: status beyond int", normal => Json(ModifyData(normal, d => d["status"] = 2147483648L))),
        Unreadable("user: status as a fraction", normal => Json(ModifyData(normal, d => d["status"] = 1.5m))),
        Unreadable("user: status as a boolean", normal => Json(ModifyData(normal, d => d["status"] = true))),
        Unreadable("user: createTime \"yesterday\"", normal => Json(ModifyData(normal, d => d["createTime"] = "yesterday"))),
        Unreadable("user: createTime as epoch milliseconds", normal => Json(ModifyData(normal, d => d["createTime"] = 1733915239438L))),
        Unreadable("user: createTime in month 13", normal => Json(ModifyData(normal, d => d["createTime"] = "2024-13-11T11:07:19"))),
        Unreadable("user: createTime without a time", normal => Json(ModifyData(normal, d => d["createTime"] = "2024-12-11"))),
        Unreadable("user: updateTime as an object", normal => Json(ModifyData(normal, d => d["updateTime"] = new JObject()))),
        Unreadable("user: lastLoginTime on 30 February", normal => Json(ModifyData(normal, d => d["lastLoginTime"] = "2025-02-30T10:00:00"))),
        Unreadable("user: birthday \"11/12/2024\"", normal => Json(ModifyData(normal, d => d["birthday"] = "11/12/2024"))),
        Unreadable("user: birthday on 30 February", normal => Json(ModifyData(normal, d => d["birthday"] = "1990-02-30"))),
        Unreadable("user: birthday as a number", normal => Json(ModifyData(normal, d => d["birthday"] = 19900517))),
        Unreadable("user: birthday as an object", normal => Json(ModifyData(normal, d => d["birthday"] = new JObject { ["year"] = 1990 }))),
        Unreadable("user: phoneNumber as an array", normal => Json(ModifyData(normal, d => d["phoneNumber"] = new JArray("1", "2")))),
        Unreadable("user: phoneNumberPrefix as a boolean", normal => Json(ModifyData(normal, d => d["phoneNumberPrefix"] = true))),
        Unreadable("user: phoneNumberPrefix as a fraction", normal => Json(ModifyData(normal, d => d["phoneNumberPrefix"] = 852.5m))),
        Unreadable("user: email as an object", normal => Json(ModifyData(normal, d => d["email"] = new JObject()))),
        Unreadable("user: identificationLevel as an object", normal => Json(ModifyData(normal, d => d["identificationLevel"] = new JObject()))),
        Unreadable("user: bizCode as an array", normal => Json(ModifyData(normal, d => d["bizCode"] = new JArray("40217765")))),
        Unreadable("user: countryId as a boolean", normal => Json(ModifyData(normal, d => d["countryId"] = false))),
        Accepted("user: unknown members", normal => Json(ModifyData(normal, d =>
        {
            d["vipLevel"] = new JObject { ["level"] = 3, ["tags"] = new JArray("a", JValue.CreateNull()) };
            d["referrals"] = new JArray();
        }))),
        Accepted("user: ids and levels as numbers", normal => Json(ModifyData(normal, d =>
        {
            d["bizCode"] = 40217765;
            d["identificationLevel"] = 2;
        }))),
    ];

    public static IReadOnlyList<BadResponse> Signup { get; } =
    [
        Unreadable("signup: data null", normal => Json(WithData(normal, "null"))),
        Unreadable("signup: code 200 without data", _ => Json("""{"code":200,"msg":"ok"}""")),
    ];

    private static BadResponse Coded(string name, HttpStatusCode status, string codeJson, UserRegistryErrorKind read, UserRegistryErrorKind write) =>
        new(name, status, _ => Json($$"""{"code":{{codeJson}},"msg":"refused","data":null,"success":false}"""), read, write);
}
