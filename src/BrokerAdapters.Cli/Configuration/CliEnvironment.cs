using System.Collections;

namespace BrokerAdapters.Cli.Configuration;

/// <summary>The environment variables the CLI reads: the process's, or a given set (tests).</summary>
internal sealed class CliEnvironment
{
    /// <summary>The prefix of variables that become configuration keys, e.g. <c>BROKERADAPTERS__UserRegistry__Provider</c>.</summary>
    public const string ConfigurationPrefix = "BROKERADAPTERS__";

    /// <summary>The variable a password can be given in, instead of the command line.</summary>
    public const string PasswordVariable = "BROKERADAPTERS_PASSWORD";

    /// <summary>The variable that turns colours off (<see href="https://no-color.org"/>).</summary>
    public const string NoColorVariable = "NO_COLOR";

    private readonly IDictionary<string, string?>? _variables;

    /// <summary>Creates the environment.</summary>
    /// <param name="variables">The variables; <see langword="null"/> reads the process's.</param>
    public CliEnvironment(IDictionary<string, string?>? variables)
    {
        _variables = variables;
    }

    /// <summary>Gets whether this is the process's own environment.</summary>
    public bool IsProcessEnvironment => _variables is null;

    /// <summary>Reads one variable.</summary>
    /// <param name="name">The variable's name.</param>
    /// <returns>Its value, or <see langword="null"/> when it is not set.</returns>
    public string? Get(string name) =>
        _variables is null
            ? Environment.GetEnvironmentVariable(name)
            : _variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>Gets the variables with <see cref="ConfigurationPrefix"/> as configuration keys, as <c>AddEnvironmentVariables</c> maps them.</summary>
    /// <returns>Keys with the prefix removed and <c>__</c> turned into <c>:</c>.</returns>
    public IEnumerable<KeyValuePair<string, string?>> ConfigurationEntries()
    {
        var all = _variables is null ? ProcessVariables() : (IEnumerable<KeyValuePair<string, string?>>)_variables;
        foreach (var (name, value) in all)
        {
            if (name.Length > ConfigurationPrefix.Length && name.StartsWith(ConfigurationPrefix, StringComparison.OrdinalIgnoreCase))
            {
                yield return new(name[ConfigurationPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), value);
            }
        }
    }

    private static List<KeyValuePair<string, string?>> ProcessVariables()
    {
        var variables = new List<KeyValuePair<string, string?>>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables.Add(new((string)entry.Key, entry.Value as string));
        }

        return variables;
    }
}
