namespace BrokerAdapters.Internal;

/// <summary>
/// Classifies a provider's error code: exact code first, then a fragment of the message; anything else is
/// <see cref="UserRegistryErrorKind.Unknown"/>. The table is data so that adding a code is one line.
/// </summary>
internal sealed class ProviderErrorTable
{
    private readonly Dictionary<string, UserRegistryErrorKind> _byCode;
    private readonly (string Fragment, UserRegistryErrorKind Kind)[] _byMessage;

    public ProviderErrorTable(
        IEnumerable<KeyValuePair<string, UserRegistryErrorKind>> byCode,
        IEnumerable<(string Fragment, UserRegistryErrorKind Kind)>? byMessage = null)
    {
        _byCode = new Dictionary<string, UserRegistryErrorKind>(byCode, StringComparer.OrdinalIgnoreCase);
        _byMessage = byMessage?.ToArray() ?? [];
    }

    public IReadOnlyDictionary<string, UserRegistryErrorKind> Codes => _byCode;

    public UserRegistryErrorKind Classify(string? code, string? message)
    {
        if (code is not null && _byCode.TryGetValue(code.Trim(), out var kind))
        {
            return kind;
        }

        if (!string.IsNullOrEmpty(message))
        {
            foreach (var (fragment, fragmentKind) in _byMessage)
            {
                if (message.Contains(fragment, StringComparison.OrdinalIgnoreCase))
                {
                    return fragmentKind;
                }
            }
        }

        return UserRegistryErrorKind.Unknown;
    }
}
