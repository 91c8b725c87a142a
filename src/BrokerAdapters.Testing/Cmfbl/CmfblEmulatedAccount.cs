namespace BrokerAdapters.Testing;

/// <summary>
/// A trading account of a <see cref="CmfblEmulatedCustomer"/>: every customer has one real and one demo account.
/// Tests may change <see cref="Balance"/>, e.g. to see a demo reset put it back. Thread-safe.
/// </summary>
public sealed class CmfblEmulatedAccount
{
    private readonly Lock _lock = new();
    private decimal _balance;
    private int _resets;
    private DateTimeOffset? _lastResetAt;

    internal CmfblEmulatedAccount(long accountId, bool isDemo, string currency, int tradeType, decimal balance, DateTimeOffset createdAt)
    {
        AccountId = accountId;
        IsDemo = isDemo;
        Currency = currency;
        TradeType = tradeType;
        _balance = balance;
        CreatedAt = createdAt;
    }

    /// <summary>Gets the account id.</summary>
    public long AccountId { get; }

    /// <summary>Gets whether this is the demo (simulated) account; otherwise it is the real one.</summary>
    public bool IsDemo { get; }

    /// <summary>Gets the account currency, e.g. <c>USDT</c>.</summary>
    public string Currency { get; }

    /// <summary>Gets the trade type code.</summary>
    public int TradeType { get; }

    /// <summary>Gets when the account was opened.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets or sets the balance; available funds and equity equal it (the emulator holds no positions).</summary>
    public decimal Balance
    {
        get { lock (_lock) { return _balance; } }
        set { lock (_lock) { _balance = value; } }
    }

    /// <summary>Gets how many times the account was reset.</summary>
    public int Resets
    {
        get { lock (_lock) { return _resets; } }
    }

    /// <summary>Gets when the account was last reset.</summary>
    public DateTimeOffset? LastResetAt
    {
        get { lock (_lock) { return _lastResetAt; } }
    }

    /// <summary>Resets a demo account to <paramref name="balance"/> unless the last reset is more recent than <paramref name="cooldown"/>; returns the time left then.</summary>
    internal TimeSpan? TryReset(decimal balance, DateTimeOffset now, TimeSpan? cooldown)
    {
        lock (_lock)
        {
            if (cooldown is { } wait && _lastResetAt is { } last && last + wait > now)
            {
                return last + wait - now;
            }

            _balance = balance;
            _resets++;
            _lastResetAt = now;
            return null;
        }
    }
}
