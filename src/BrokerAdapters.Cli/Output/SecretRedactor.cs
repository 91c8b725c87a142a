using System.Text;
using System.Text.RegularExpressions;

namespace BrokerAdapters.Cli.Output;

/// <summary>
/// Masks what the CLI must never print, in everything it writes (results, notices, errors, debug logs): the
/// password it was given, the configured app secret and token, the tokens it received, and the <c>user:password@</c>
/// part of any URL. The library never puts secrets in messages and the CLI never formats a password into its
/// output; this is the second line of defence.
/// </summary>
internal sealed partial class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    // Configured secrets and tokens shorter than this are ignored: they would mask ordinary words of messages (a
    // secret "wrong" would mask "password wrong"), and app secrets and tokens are far longer.
    private const int MinimumLength = 8;

    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Registers a configured secret or a received token.</summary>
    /// <param name="secret">The secret; ignored when empty or shorter than 8 characters.</param>
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

    /// <summary>Registers the tokens of a CMFBL customer session.</summary>
    /// <param name="session">The session.</param>
    public void Add(Cmfbl.CmfblCustomerSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        Add(session.ClientToken);
        Add(session.RefreshToken);
    }

    /// <summary>
    /// Registers a password the user gave, or the <c>user:password</c> of a configured URL: masked whatever its length.
    /// From 8 characters on it is masked wherever it occurs, like any secret; a shorter one only where it is a whole
    /// word (not inside a longer run of letters and digits), so that <c>a1</c> does not mask part of <c>a123</c>.
    /// </summary>
    /// <param name="secret">The password; ignored when empty or only white space.</param>
    public void AddPassword(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        foreach (var variant in new[] { secret, secret.Trim() })
        {
            if (variant.Length >= MinimumLength)
            {
                lock (_lock)
                {
                    _secrets.Add(variant);
                }
            }
            else
            {
                lock (_lock)
                {
                    _words.Add(variant);
                }
            }
        }
    }

    /// <summary>Masks every registered secret and the <c>user:password@</c> of every URL in <paramref name="text"/>.</summary>
    /// <param name="text">The text to print.</param>
    /// <returns>The text without secrets.</returns>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        (string Secret, bool WholeWord)[] secrets;
        lock (_lock)
        {
            // Longest first, so that a secret containing another is masked whole.
            secrets = [.. _secrets.Select(s => (s, false)).Concat(_words.Select(w => (w, true))).OrderByDescending(s => s.Item1.Length)];
        }

        foreach (var (secret, wholeWord) in secrets)
        {
            text = wholeWord ? ReplaceWholeWord(text, secret) : text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text.Contains("://", StringComparison.Ordinal) ? UrlUserInfo().Replace(text, "${scheme}" + Mask + "@") : text;
    }

    /// <summary>Gets the <c>user:password</c> written before the host of a URL-like value, even one that is not a valid URL.</summary>
    /// <param name="value">The value, e.g. <c>https://user:p/ss@host</c>.</param>
    /// <returns>The user information, or <see langword="null"/> when there is none.</returns>
    public static string? UserInfo(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var authorityEnd = value.IndexOfAny(['/', '?', '#'], start);
        var at = value.LastIndexOf('@', authorityEnd < 0 ? value.Length - 1 : authorityEnd);
        if (at <= start && !Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            // Not a valid URL, e.g. a '/' in the password ends the authority early: the last '@' ends the user information.
            at = value.LastIndexOf('@');
        }

        return at > start ? value[start..at] : null;
    }

    private static string ReplaceWholeWord(string text, string word)
    {
        var index = text.IndexOf(word, StringComparison.Ordinal);
        if (index < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var copied = 0;
        for (; index >= 0; index = text.IndexOf(word, index + 1, StringComparison.Ordinal))
        {
            var end = index + word.Length;
            var startsWord = index == 0 || !IsWordChar(text[index - 1]) || !IsWordChar(word[0]);
            var endsWord = end == text.Length || !IsWordChar(text[end]) || !IsWordChar(word[^1]);
            if (index < copied || !startsWord || !endsWord)
            {
                continue;
            }

            result.Append(text, copied, index - copied).Append(Mask);
            copied = end;
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    // The authority's user information: after "scheme://", up to the last '@' before the path, query or fragment.
    [GeneratedRegex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*://)[^\s/?#]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlUserInfo();
}
