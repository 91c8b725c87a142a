namespace BrokerAdapters.Testing;

/// <summary>What <see cref="UserRegistryContractTests"/> needs for one test: the registry, and a way to count the HTTP requests it made.</summary>
public sealed class UserRegistryContractContext : IAsyncDisposable
{
    private readonly Func<int> _requestCount;
    private readonly Func<ValueTask>? _dispose;

    /// <summary>Creates a context.</summary>
    /// <param name="registry">The registry under test, fresh for this test.</param>
    /// <param name="requestCount">Counts the requests the registry has sent so far (e.g. <c>() =&gt; emulator.Requests.Count</c>).</param>
    /// <param name="dispose">Releases what the context owns (a service provider, a server), or <see langword="null"/>.</param>
    /// <param name="faults">The faults of the emulator behind the registry, for the fault tests; they are skipped when <see langword="null"/>.</param>
    public UserRegistryContractContext(IUserRegistry registry, Func<int> requestCount, Func<ValueTask>? dispose = null, EmulatorFaults? faults = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(requestCount);
        Registry = registry;
        _requestCount = requestCount;
        _dispose = dispose;
        Faults = faults;
    }

    /// <summary>Gets the faults of the emulator behind the registry, or <see langword="null"/>.</summary>
    public EmulatorFaults? Faults { get; }

    /// <summary>Gets the registry under test.</summary>
    public IUserRegistry Registry { get; }

    /// <summary>Gets how many requests the registry has sent so far.</summary>
    public int RequestCount => _requestCount();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dispose?.Invoke() ?? ValueTask.CompletedTask;
}
