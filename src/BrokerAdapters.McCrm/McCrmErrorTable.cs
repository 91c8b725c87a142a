using BrokerAdapters.Internal;

namespace BrokerAdapters.McCrm;

/// <summary>
/// Classifies MC-CRM error answers. MC-CRM documents only coarse codes (<c>303</c> parameter error, <c>500</c> server
/// error), so a recognised message fragment wins over the code: "phone already exists" under code 500 is
/// <see cref="UserRegistryErrorKind.AlreadyExists"/>, not <see cref="UserRegistryErrorKind.Unavailable"/>.
/// </summary>
internal static class McCrmErrorTable
{
    /// <summary>Codes of the <c>{code, msg, data}</c> envelope. 401, 403 and 429 are HTTP-style codes the gateway is assumed to use.</summary>
    public static readonly IReadOnlyDictionary<string, UserRegistryErrorKind> Codes = new Dictionary<string, UserRegistryErrorKind>
    {
        ["303"] = UserRegistryErrorKind.InvalidInput,
        ["500"] = UserRegistryErrorKind.Unavailable,
        ["401"] = UserRegistryErrorKind.Unauthorized,
        ["403"] = UserRegistryErrorKind.Forbidden,
        ["429"] = UserRegistryErrorKind.RateLimited,
    };

    /// <summary>Message fragments (case-insensitive), checked in order; the provider answers in English or Chinese.</summary>
    public static readonly IReadOnlyList<(string Fragment, UserRegistryErrorKind Kind)> Fragments =
    [
        ("already exist", UserRegistryErrorKind.AlreadyExists),
        ("already registered", UserRegistryErrorKind.AlreadyExists),
        ("already been registered", UserRegistryErrorKind.AlreadyExists),
        ("already in use", UserRegistryErrorKind.AlreadyExists),
        ("已存在", UserRegistryErrorKind.AlreadyExists),
        ("已注册", UserRegistryErrorKind.AlreadyExists),
        ("已被注册", UserRegistryErrorKind.AlreadyExists),
        // Only a missing user is "not found": a missing merchant or token is a configuration error, not an absent customer.
        ("user does not exist", UserRegistryErrorKind.NotFound),
        ("user not exist", UserRegistryErrorKind.NotFound),
        ("user not found", UserRegistryErrorKind.NotFound),
        ("uid not found", UserRegistryErrorKind.NotFound),
        ("用户不存在", UserRegistryErrorKind.NotFound),
        ("too many requests", UserRegistryErrorKind.RateLimited),
        ("too frequent", UserRegistryErrorKind.RateLimited),
        ("频繁", UserRegistryErrorKind.RateLimited),
    ];

    private static readonly ProviderErrorTable ByCode = new(Codes);
    private static readonly ProviderErrorTable ByMessage = new([], Fragments);

    /// <summary>Codes about the caller's own access: they win over any message, so a refused token is never read as "not found".</summary>
    private static readonly HashSet<string> AccessCodes = ["401", "403", "429"];

    public static UserRegistryErrorKind Classify(string? code, string? message)
    {
        if (code is not null && AccessCodes.Contains(code))
        {
            return ByCode.Classify(code, null);
        }

        var byMessage = ByMessage.Classify(null, message);
        return byMessage != UserRegistryErrorKind.Unknown ? byMessage : ByCode.Classify(code, null);
    }
}
