using System.Collections.Concurrent;

namespace BrokerAdapters.Cmfbl;

/// <summary>The default <see cref="ICmfblTokenStore"/>: a dictionary in memory, one per registry. Expired tokens read as absent.</summary>
internal sealed class CmfblMemoryTokenStore : ICmfblTokenStore
{
    private readonly ConcurrentDictionary<string, CmfblStoredToken> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public CmfblMemoryTokenStore(TimeProvider time) => _time = time;

    public Task<CmfblStoredToken?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_tokens.TryGetValue(key, out var token))
        {
            return Task.FromResult<CmfblStoredToken?>(null);
        }

        if (token.ExpiresAt > _time.GetUtcNow())
        {
            return Task.FromResult<CmfblStoredToken?>(token);
        }

        // Only this expired entry goes: a newer one stored meanwhile stays.
        _tokens.TryRemove(new KeyValuePair<string, CmfblStoredToken>(key, token));
        return Task.FromResult<CmfblStoredToken?>(null);
    }

    public Task SetAsync(string key, CmfblStoredToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(token);
        cancellationToken.ThrowIfCancellationRequested();
        _tokens[key] = token;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        _tokens.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
