namespace BrokerAdapters.Cli.Configuration;

/// <summary>A configuration source cannot be used: the <c>--config</c> file is missing, or a JSON file is malformed.</summary>
internal sealed class CliConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    public CliConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    /// <param name="innerException">The parser's error.</param>
    public CliConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
