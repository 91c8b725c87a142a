namespace BrokerAdapters.Cmfbl.Tests.Tokens;

/// <summary>
/// Holds the requests of one operation, while armed, until a given number of them have arrived, then lets them all
/// go at once: so that every concurrent caller really meets the expired token before any renewal.
/// </summary>
internal sealed class RequestGate
{
    private readonly string _operation;
    private readonly int _count;
    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public RequestGate(string operation, int count)
    {
        _operation = operation;
        _count = count;
    }

    public bool Armed { get; set; }

    public DelegatingHandler CreateHandler() => new Handler(this);

    private async Task PassAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Armed || request.RequestUri?.AbsolutePath.EndsWith("/" + _operation, StringComparison.Ordinal) != true)
        {
            return;
        }

        if (Interlocked.Increment(ref _arrived) == _count)
        {
            Armed = false;
            _allArrived.SetResult();
        }

        await _allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
    }

    private sealed class Handler(RequestGate gate) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await gate.PassAsync(request, cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
