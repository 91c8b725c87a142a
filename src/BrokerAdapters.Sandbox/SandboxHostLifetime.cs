namespace BrokerAdapters.Sandbox;

/// <summary>
/// A host lifetime that listens to nothing: the sandbox runs inside other processes (the CLI, test runs), which own
/// Ctrl+C and SIGTERM; the default console lifetime would install process-wide handlers for every start.
/// </summary>
internal sealed class SandboxHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
