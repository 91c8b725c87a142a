using System.Collections.Concurrent;

namespace BrokerAdapters.Cmfbl.Tests.Tokens;

/// <summary>A token store in memory that records each call, and can be told to fail every call.</summary>
internal sealed class RecordingTokenStore : ICmfblTokenStore
{
    /// <summary>What a failing store's exceptions say; it must never reach a log line.</summary>
    public const string FailureText = "store unavailable: password=hunter2";

    private readonly ConcurrentDictionary<string, CmfblStoredToken> _tokens = new(StringComparer.Ordinal);

    public bool Fail { get; init; }

    public ConcurrentQueue<string> Calls { get; } = new();

    public IReadOnlyDictionary<string, CmfblStoredToken> Entries => _tokens;

    public int Count(string operation) => Calls.Count(c => c.StartsWith(operation + " ", StringComparison.Ordinal));

    public Task<CmfblStoredToken?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue("get " + key);
        ThrowIfFailing();
        return Task.FromResult(_tokens.TryGetValue(key, out var token) ? token : null);
    }

    public Task SetAsync(string key, CmfblStoredToken token, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue("set " + key);
        ThrowIfFailing();
        _tokens[key] = token;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue("remove " + key);
        ThrowIfFailing();
        _tokens.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private void ThrowIfFailing()
    {
        if (Fail)
        {
            throw new InvalidOperationException(FailureText);
        }
    }
}
