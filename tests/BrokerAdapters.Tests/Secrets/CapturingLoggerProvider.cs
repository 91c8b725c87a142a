using System.Collections;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace BrokerAdapters.Tests.Secrets;

/// <summary>
/// Keeps everything any logger is given: the formatted message, every structured value, every active scope (its text
/// and its values) and the exception's <see cref="Exception.ToString"/>, whatever the level and category.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLog> Logs { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    /// <summary>Everything a value shows when logged: its text, and the text of each item when it is a collection.</summary>
    private static void Describe(StringBuilder text, object? value)
    {
        text.Append(value).Append('\n');
        if (value is IEnumerable items and not string)
        {
            foreach (var item in items)
            {
                text.Append(item).Append('\n');
            }
        }
    }

    private static string DescribeState(object? state)
    {
        var text = new StringBuilder();
        Describe(text, state);
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                text.Append(key).Append('=');
                Describe(text, value);
            }
        }

        return text.ToString();
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new StringBuilder();
            owner._scopes.ForEachScope((scope, builder) => builder.Append(DescribeState(scope)), scopes);
            owner.Logs.Enqueue(new CapturedLog(
                category,
                logLevel,
                eventId,
                formatter(state, exception),
                DescribeState(state),
                scopes.ToString(),
                exception?.ToString()));
        }
    }
}

/// <summary>One captured log entry, with every piece of text it carried.</summary>
internal sealed record CapturedLog(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    string State,
    string Scopes,
    string? Exception)
{
    /// <summary>Gets all the entry's text, to search for secrets.</summary>
    public string AllText => string.Join('\n', Category, Message, State, Scopes, Exception);
}
