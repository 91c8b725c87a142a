namespace BrokerAdapters.Testing;

/// <summary>A per-minute limit per key, as the providers document it: a fixed window, counted per endpoint.</summary>
internal sealed class FixedWindowRateLimit
{
    public const int WindowSeconds = 60;

    private readonly Dictionary<string, (long Window, int Count)> _counts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Counts one call; returns whether it is allowed, how many remain and the seconds until the window resets.</summary>
    public (bool Allowed, int Remaining, int ResetSeconds) Hit(string key, int limit, DateTimeOffset now)
    {
        var window = now.ToUnixTimeSeconds() / 60;
        var reset = (int)(60 - (now.ToUnixTimeSeconds() % 60));
        lock (_lock)
        {
            var count = _counts.TryGetValue(key, out var entry) && entry.Window == window ? entry.Count : 0;
            if (count >= limit)
            {
                return (false, 0, reset);
            }

            _counts[key] = (window, count + 1);
            return (true, limit - count - 1, reset);
        }
    }
}
