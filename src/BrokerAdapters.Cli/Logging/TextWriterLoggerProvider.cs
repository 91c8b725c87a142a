using BrokerAdapters.Cli.Output;
using Microsoft.Extensions.Logging;

namespace BrokerAdapters.Cli.Logging;

/// <summary>
/// Writes <c>--verbose</c> logs to the CLI's standard error writer, one line each, known secrets masked. The console
/// logger writes to the process's console only, not to the writer a run was given.
/// </summary>
internal sealed class TextWriterLoggerProvider : ILoggerProvider
{
    private readonly TextWriter _writer;
    private readonly SecretRedactor _redactor;

    /// <summary>Creates the provider.</summary>
    /// <param name="writer">Where to write (standard error).</param>
    /// <param name="redactor">Masks known secrets.</param>
    public TextWriterLoggerProvider(TextWriter writer, SecretRedactor redactor)
    {
        _writer = writer;
        _redactor = redactor;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(categoryName, _writer, _redactor);

    /// <inheritdoc />
    public void Dispose()
    {
        // The writer belongs to the caller.
    }
}
