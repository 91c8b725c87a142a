using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BrokerAdapters.Cmfbl.Tests.TestSupport;

/// <summary>Keeps every log line with its structured values and exception, to check what is logged and that no secret is.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IEnumerable<string> Warnings => Lines.Where(l => l.StartsWith("Warning|", StringComparison.Ordinal));

    public string All => string.Join("\n", Lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            owner.Lines.Enqueue($"{logLevel}|{formatter(state, exception)}|{values}|{exception}");
        }
    }
}
