using BrokerAdapters.Sandbox;

namespace BrokerAdapters.Cli.Configuration;

/// <summary>
/// The sandbox a command starts in-process, on a free loopback port, when the selected provider has no endpoint
/// configured. Started at most once per command, on first use; stopped when the command ends.
/// </summary>
internal sealed class EmbeddedSandbox : IAsyncDisposable
{
    /// <summary>How many fake customers the embedded sandbox starts with, so that <c>list</c> and <c>get</c> have something to show.</summary>
    public const int SeedCustomers = 10;

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private SandboxServer? _server;

    /// <summary>Gets whether the sandbox was started.</summary>
    public bool IsStarted => _server is not null;

    /// <summary>Gets the running sandbox, starting it on first use.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The sandbox.</returns>
    public async Task<SandboxServer> GetAsync(CancellationToken cancellationToken)
    {
        _server ??= await SandboxServer.StartAsync(new SandboxOptions { Port = 0, SeedCustomers = SeedCustomers }, cancellationToken)
            .ConfigureAwait(false);
        return _server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            await _server.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _server.DisposeAsync().ConfigureAwait(false);
        _server = null;
    }
}
