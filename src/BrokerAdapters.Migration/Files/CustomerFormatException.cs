namespace BrokerAdapters.Migration;

/// <summary>A customer file (JSON Lines or CSV) holds a line that is not a valid customer; the message names the line.</summary>
public sealed class CustomerFormatException : FormatException
{
    /// <summary>Creates an exception.</summary>
    public CustomerFormatException()
        : this("The customer file is not valid.")
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">What is wrong.</param>
    public CustomerFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The parser's exception.</param>
    public CustomerFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a line of the file.</summary>
    /// <param name="lineNumber">The 1-based line where the bad customer starts.</param>
    /// <param name="message">What is wrong, without the line number.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public CustomerFormatException(long lineNumber, string message, Exception? innerException = null)
        : base($"Line {lineNumber}: {message}", innerException)
    {
        LineNumber = lineNumber;
    }

    /// <summary>Gets the 1-based line where the bad customer starts, or 0 when unknown.</summary>
    public long LineNumber { get; }
}
