namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// Finds the passwords typed on a command line (<c>--password VALUE</c>, <c>--password=VALUE</c>,
/// <c>--password:VALUE</c>), even where <c>--password</c> is not an option of the command: a usage error echoes the
/// tokens it does not understand, and the password must not be one of them.
/// </summary>
internal static class PasswordArguments
{
    /// <summary>The option's name.</summary>
    public const string OptionName = "--password";

    /// <summary>Gets the values given to <c>--password</c>.</summary>
    /// <param name="tokens">The command line's tokens, as typed or as parsed.</param>
    /// <returns>The values, possibly none.</returns>
    public static IEnumerable<string> Find(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (string.Equals(token, OptionName, StringComparison.Ordinal))
            {
                if (i + 1 < tokens.Count)
                {
                    yield return tokens[i + 1];
                }
            }
            else if (token.Length > OptionName.Length + 1 && token.StartsWith(OptionName, StringComparison.Ordinal)
                && token[OptionName.Length] is '=' or ':')
            {
                yield return token[(OptionName.Length + 1)..];
            }
        }
    }
}
