using BrokerAdapters.Internal;
using static BrokerAdapters.UserRegistryErrorKind;

namespace BrokerAdapters.Cmfbl;

/// <summary>
/// CMFBL's error codes (Manager and Client API) that customer registration (admin and self-service with a
/// verification code), lookup, login and customer sessions (switching and resetting accounts) can meet, and what they
/// mean in neutral terms. Codes of other domains (funds, KYC review, bank cards) are left to
/// <see cref="UserRegistryErrorKind.Unknown"/> with their code and message kept.
/// </summary>
internal static class CmfblErrorTable
{
    /// <summary>Codes that mean the admin token is missing or expired: re-authenticate once, then replay.</summary>
    public static readonly IReadOnlySet<string> TokenExpiredCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "GGATEWAY_CODE_001", "GGATEWAY_CODE_005", "GGATEWAY_CODE_017", "USCUSTOMER_API_0000128",
    };

    /// <summary>
    /// Failures the gateway answers before the operation runs (no downstream service, or it is marked down): a write
    /// that meets them certainly did not happen, so they stay retryable rather than becoming OutcomeUnknown.
    /// </summary>
    public static readonly IReadOnlySet<string> RefusedBeforeDispatch = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "GGATEWAY_CODE_010", "GGATEWAY_CODE_012",
    };

    /// <summary>The field a wrong, expired or missing verification code is reported on.</summary>
    public const string VerificationCodeField = "VerificationCode";

    internal static readonly (string Code, UserRegistryErrorKind Kind, string? Field)[] Entries =
    [
        ("G500", Unavailable, null),
        ("GGATEWAY_CODE_001", Unauthorized, null),
        ("GGATEWAY_CODE_002", ProtocolError, null),
        ("GGATEWAY_CODE_003", ProtocolError, null),
        ("GGATEWAY_CODE_004", ProtocolError, null),
        ("GGATEWAY_CODE_005", Unauthorized, null),
        ("GGATEWAY_CODE_006", ProtocolError, null),
        ("GGATEWAY_CODE_008", ProtocolError, null),
        ("GGATEWAY_CODE_009", ProtocolError, null),
        ("GGATEWAY_CODE_010", Unavailable, null),
        ("GGATEWAY_CODE_011", Unavailable, null),
        ("GGATEWAY_CODE_012", Unavailable, null),
        ("GGATEWAY_CODE_013", Unavailable, null),
        ("GGATEWAY_CODE_014", ProtocolError, null),
        ("GGATEWAY_CODE_015", InvalidInput, null),
        ("GGATEWAY_CODE_016", ProtocolError, null),
        ("GGATEWAY_CODE_017", Unauthorized, null),
        ("GGATEWAY_CODE_018", RateLimited, null),
        ("GGATEWAY_CODE_019", Forbidden, null),
        ("GGATEWAY_CODE_101", Unauthorized, null),
        ("GGATEWAY_CODE_102", Unavailable, null),
        ("GGATEWAY_CODE_103", InvalidInput, null),
        ("GGATEWAY_CODE_104", InvalidInput, null),
        ("GGATEWAY_CODE_902", UserRegistryErrorKind.Timeout, null),
        ("USCUSTOMER_API_0000002", NotSupported, null),
        ("USCUSTOMER_API_0000003", NotFound, null),
        ("USCUSTOMER_API_0000004", Unavailable, null),
        ("USCUSTOMER_API_0000005", Unavailable, null),
        ("USCUSTOMER_API_0000007", Forbidden, null),

        // Resetting: only a demo account can be (a real one is refused), and not again while a reset is under way.
        ("USCUSTOMER_API_0000008", Forbidden, null),
        ("USCUSTOMER_API_0000009", RateLimited, null),
        ("USCUSTOMER_API_0000101", AlreadyExists, null),
        ("USCUSTOMER_API_0000102", InvalidCredentials, null),
        ("USCUSTOMER_API_0000103", AccountDisabled, null),
        ("USCUSTOMER_API_0000105", InvalidInput, "Phone"),
        ("USCUSTOMER_API_0000108", Unavailable, null),
        ("USCUSTOMER_API_0000109", Unavailable, null),
        ("USCUSTOMER_API_0000110", Forbidden, null),
        ("USCUSTOMER_API_0000106", AlreadyExists, "Phone"),
        ("USCUSTOMER_API_0000107", AlreadyExists, "Email"),
        ("USCUSTOMER_API_0000111", Forbidden, null),
        ("USCUSTOMER_API_0000112", InvalidCredentials, null),
        ("USCUSTOMER_API_0000113", AccountDisabled, null),
        ("USCUSTOMER_API_0000114", InvalidInput, "GroupId"),
        ("USCUSTOMER_API_0000115", InvalidInput, "GroupId"),
        ("USCUSTOMER_API_0000121", AlreadyExists, "Phone"),
        ("USCUSTOMER_API_0000122", AlreadyExists, "Email"),
        ("USCUSTOMER_API_0000125", InvalidInput, "Password"),
        ("USCUSTOMER_API_0000128", Unauthorized, null),
        ("USCUSTOMER_API_0000131", Forbidden, null),
        ("USCUSTOMER_API_0000136", InvalidInput, "Phone"),
        ("USCUSTOMER_API_0000137", InvalidInput, "Email"),
        ("USCUSTOMER_API_0000138", Forbidden, null),
        ("USCUSTOMER_API_0000139", InvalidInput, "Password"),
        ("USCUSTOMER_API_0000141", AlreadyExists, "Email"),
        ("USCUSTOMER_API_0000142", AlreadyExists, "Phone"),
        ("USCUSTOMER_API_0000146", InvalidCredentials, null),
        ("USCUSTOMER_API_0000147", InvalidInput, "Phone"),
        ("USCUSTOMER_API_0000150", InvalidCredentials, null),
        ("USCUSTOMER_API_0000157", AccountLocked, null),
        ("USCUSTOMER_API_0000158", AccountDisabled, null),
        ("USCUSTOMER_API_0000301", InvalidInput, "GroupId"),
        ("USCUSTOMER_API_0000303", InvalidInput, "GroupId"),
        ("USCUSTOMER_API_0000306", InvalidInput, "GroupId"),
        ("USCUSTOMER_API_0000310", InvalidInput, "GroupId"),
        ("USCUSTOMER_API_0000311", InvalidInput, "GroupId"),
        ("USCUSTOMER_API_0000312", InvalidInput, "GroupId"),
        ("USCUSTOMER_API_0000313", InvalidInput, "GroupId"),
        ("USCUSTOMER_API_0000314", InvalidInput, "GroupId"),
        ("USCUSTOMER_API_0000315", InvalidInput, "GroupId"),
        ("USCUSTOMER_API_0000501", InvalidInput, null),
        ("USCUSTOMER_API_0000502", InvalidInput, "Phone"),
        ("USCUSTOMER_API_0000503", InvalidInput, "Phone.Number"),
        ("USCUSTOMER_API_0000504", InvalidInput, "Phone.Number"),
        ("USCUSTOMER_API_0000505", InvalidInput, "Phone.CountryCode"),
        ("USCUSTOMER_API_0000506", InvalidInput, "Phone.CountryCode"),
        ("USCUSTOMER_API_0000507", InvalidInput, "Phone.CountryCode"),
        ("USCUSTOMER_API_0000508", InvalidInput, "Email"),
        ("USCUSTOMER_API_0000509", InvalidInput, "Email"),
        ("USCUSTOMER_API_0000510", InvalidInput, "Email"),
        ("USCUSTOMER_API_0000511", InvalidInput, VerificationCodeField),
        ("USCUSTOMER_API_0000512", RateLimited, null),
        ("USCUSTOMER_API_0000517", InvalidInput, VerificationCodeField),
        ("USCUSTOMER_API_0000518", InvalidInput, VerificationCodeField),
        ("USCUSTOMER_API_0000519", InvalidInput, null),
        ("USCUSTOMER_API_0000520", InvalidInput, null),
        ("USCUSTOMER_API_0000521", InvalidInput, VerificationCodeField),
        ("USCUSTOMER_API_0000624", InvalidInput, "Country"),
        ("USCUSTOMER_API_0000632", AlreadyExists, "Phone"),
        ("USCUSTOMER_API_0000633", AlreadyExists, null),
        ("USCUSTOMER_API_0001003", InvalidInput, "Country"),
        ("USCUSTOMER_API_0001019", AlreadyExists, "Email"),
        ("USCUSTOMER_API_0001020", AlreadyExists, "Phone"),
        ("USCUSTOMER_API_0001024", InvalidInput, "GroupId"),
        ("USCUSTOMER_API_0001025", InvalidInput, null),
        ("USCUSTOMER_API_0001029", Forbidden, null),
        ("USCUSTOMER_API_0001030", NotFound, "ExternalId"),
        ("USCUSTOMER_API_0001031", InvalidInput, "ExternalId"),
        ("USCUSTOMER_API_0001050", AccountLocked, null),
    ];

    private static readonly Dictionary<string, string> Fields = Entries
        .Where(e => e.Field is not null)
        .ToDictionary(e => e.Code, e => e.Field!, StringComparer.OrdinalIgnoreCase);

    public static readonly ProviderErrorTable Table = new(
        Entries.Select(e => KeyValuePair.Create(e.Code, e.Kind)),
        [
            ("too fast", RateLimited),
            ("too frequent", RateLimited),
        ]);

    /// <summary>Gets the unified-model field a code blames, if it names one.</summary>
    public static string? FieldOf(string? code) => code is not null && Fields.TryGetValue(code, out var field) ? field : null;
}
