using BrokerAdapters.Cli.Output;
using Microsoft.Extensions.Logging;

namespace BrokerAdapters.Cli.Logging;

/// <summary>One category's logger of <see cref="TextWriterLoggerProvider"/>.</summary>
internal sealed class TextWriterLogger : ILogger
{
    private readonly string _category;
    private readonly TextWriter _writer;
    private readonly SecretRedactor _redactor;

    /// <summary>Creates the logger.</summary>
    /// <param name="category">The category, e.g. <c>BrokerAdapters.Cmfbl</c>.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="redactor">Masks known secrets.</param>
    public TextWriterLogger(string category, TextWriter writer, SecretRedactor redactor)
    {
        _category = category;
        _writer = writer;
        _redactor = redactor;
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = $"{Label(logLevel)}: {_category}: {formatter(state, exception)}";
        if (exception is not null)
        {
            line += Environment.NewLine + exception;
        }

        _writer.WriteLine(_redactor.Redact(line));
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
