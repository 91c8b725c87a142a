namespace BrokerAdapters.Cli.Sides;

/// <summary>A customer file holds a record that is not a valid customer (exit code 5); the message names the file and the line.</summary>
internal sealed class CustomerFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CustomerFileException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public CustomerFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CustomerFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="innerException">The reader's error, which names the line.</param>
    public CustomerFileException(string path, FormatException innerException)
        : base($"{path}: {innerException?.Message}", innerException)
    {
    }
}
