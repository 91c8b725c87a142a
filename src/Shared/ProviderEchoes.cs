using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Internal;

/// <summary>
/// Keeps the secrets a request carried out of the error built from its answer. Providers may repeat what they were
/// sent in their messages (the MD5 or encrypted password, the app secret, a token, a verification code and its ticket); the library never passes that
/// on in <see cref="Exception.Message"/>, <see cref="UserRegistryException.ProviderMessage"/> or field errors.
/// </summary>
internal static class ProviderEchoes
{
    /// <summary>What an echoed secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>The request members, of either provider, whose values are secrets.</summary>
    private static readonly HashSet<string> SecretMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "pwd", "loginPwd", "password", "appSecret", "token", "rToken", "sendToken", "verifyCode",
    };

    /// <summary>The values of the secret members of a JSON request body, at any depth.</summary>
    public static IEnumerable<string> SecretsIn(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JToken.Parse(json) is JContainer body
                ? [.. body.Descendants().OfType<JProperty>()
                    .Where(p => SecretMembers.Contains(p.Name) && p.Value.Type == JTokenType.String)
                    .Select(p => (string)p.Value!)]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// The same error with every one of <paramref name="secrets"/> masked in its message, provider message and field
    /// errors; <paramref name="error"/> itself when none of them occurs.
    /// </summary>
    public static UserRegistryException Without(UserRegistryException error, IEnumerable<string?> secrets)
    {
        // Longest first, so that a secret containing another is masked whole.
        var present = secrets
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(s => s!)
            .Distinct(StringComparer.Ordinal)
            .Where(s => Contains(error, s))
            .OrderByDescending(s => s.Length)
            .ToArray();
        if (present.Length == 0)
        {
            return error;
        }

        string? Scrub(string? text)
        {
            if (text is null)
            {
                return null;
            }

            foreach (var secret in present)
            {
                // Case-insensitive: a hex digest may come back in upper case.
                text = text.Replace(secret, Mask, StringComparison.OrdinalIgnoreCase);
            }

            return text;
        }

        return new UserRegistryException(error.Kind, Scrub(error.Message)!, error.InnerException)
        {
            Provider = error.Provider,
            ProviderCode = error.ProviderCode,
            ProviderMessage = Scrub(error.ProviderMessage),
            TraceId = error.TraceId,
            HttpStatus = error.HttpStatus,
            RetryAfter = error.RetryAfter,
            FieldErrors = [.. error.FieldErrors.Select(f => f with { Message = Scrub(f.Message)! })],
            ReconciliationLookups = error.ReconciliationLookups,
        };
    }

    private static bool Contains(UserRegistryException error, string secret) =>
        error.Message.Contains(secret, StringComparison.OrdinalIgnoreCase)
        || (error.ProviderMessage?.Contains(secret, StringComparison.OrdinalIgnoreCase) ?? false)
        || error.FieldErrors.Any(f => f.Message.Contains(secret, StringComparison.OrdinalIgnoreCase));
}
