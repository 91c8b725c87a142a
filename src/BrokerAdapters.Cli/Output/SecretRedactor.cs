namespace BrokerAdapters.Cli.Output;

/// <summary>
/// Replaces known secrets (the password given to the command, the configured app secret and token) with <c>***</c>
/// in what the CLI prints about failures and in debug logs. The library never puts secrets in messages; this is
/// the second line of defence.
/// </summary>
internal sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    // Shorter values would mask ordinary words of messages (a wrong password "wrong" would mask "password wrong");
    // app secrets and tokens are far longer, and the library never prints a password anyway.
    private const int MinimumLength = 8;

    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Registers a secret.</summary>
    /// <param name="secret">The secret; ignored when empty or very short.</param>
    public void Add(string? secret)
    {
        if (secret is null || secret.Trim().Length < MinimumLength)
        {
            return;
        }

        lock (_lock)
        {
            _secrets.Add(secret);
            _secrets.Add(secret.Trim());
        }
    }

    /// <summary>Replaces every registered secret in <paramref name="text"/>.</summary>
    /// <param name="text">The text to print.</param>
    /// <returns>The text without secrets.</returns>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] secrets;
        lock (_lock)
        {
            if (_secrets.Count == 0)
            {
                return text;
            }

            // Longest first, so that a secret containing another is masked whole.
            secrets = [.. _secrets.OrderByDescending(s => s.Length)];
        }

        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
