using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace BrokerAdapters.Cmfbl;

/// <summary>
/// An <see cref="ICmfblTokenStore"/> over any <see cref="IDistributedCache"/> (Redis, SQL Server, memory…), so that
/// application instances sharing a cache share one admin token per company and app. Each entry is a small UTF-8
/// JSON document that the cache drops when the token's <see cref="CmfblStoredToken.ExpiresAt"/> comes.
/// </summary>
internal sealed class CmfblDistributedTokenStore : ICmfblTokenStore
{
    private const int FormatVersion = 1;

    private readonly IDistributedCache _cache;
    private readonly TimeProvider _time;

    public CmfblDistributedTokenStore(IDistributedCache cache, TimeProvider time)
    {
        _cache = cache;
        _time = time;
    }

    public async Task<CmfblStoredToken?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : Read(bytes);
    }

    public Task SetAsync(string key, CmfblStoredToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(token);

        // Relative to this process's clock, so that a cache server whose clock differs still keeps the entry as long.
        var lifetime = token.ExpiresAt - _time.GetUtcNow();
        if (lifetime <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var entry = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime };
        return _cache.SetAsync(key, Write(token), entry, cancellationToken);
    }

    public Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _cache.RemoveAsync(key, cancellationToken);
    }

    internal static byte[] Write(CmfblStoredToken token)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("v", FormatVersion);
            json.WriteString("token", token.Token);
            if (token.PublicKey is null)
            {
                json.WriteNull("publicKey");
            }
            else
            {
                json.WriteString("publicKey", token.PublicKey);
            }

            json.WriteString("obtainedAt", token.ObtainedAt);
            json.WriteString("expiresAt", token.ExpiresAt);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    internal static CmfblStoredToken Read(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.GetProperty("v").GetInt32() != FormatVersion)
            {
                throw Unreadable(null);
            }

            var publicKey = root.TryGetProperty("publicKey", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;
            return new CmfblStoredToken(
                root.GetProperty("token").GetString()!,
                publicKey,
                root.GetProperty("obtainedAt").GetDateTimeOffset(),
                root.GetProperty("expiresAt").GetDateTimeOffset());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            // The inner exception is not kept: its message could quote the entry, token included.
            throw Unreadable(ex.GetType().Name);
        }
    }

    private static InvalidDataException Unreadable(string? reason) =>
        new("The stored CMFBL admin token entry is not in the expected format" + (reason is null ? "." : $" ({reason})."));
}
