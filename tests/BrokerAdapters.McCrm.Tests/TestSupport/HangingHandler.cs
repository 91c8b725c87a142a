namespace BrokerAdapters.McCrm.Tests.TestSupport;

/// <summary>A server that never answers, but lets go when the request is cancelled.</summary>
internal sealed class HangingHandler : HttpMessageHandler
{
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Reached.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}
