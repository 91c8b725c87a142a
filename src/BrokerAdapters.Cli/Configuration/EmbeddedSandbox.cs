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
    private int _seedCustomers = SeedCustomers;
    private Action<SandboxServer>? _prepare;

    /// <summary>Gets whether the sandbox was started.</summary>
    public bool IsStarted => _server is not null;

    /// <summary>
    /// Chooses the data the sandbox starts with, before it is started: the migration commands start it with their own
    /// demo data (<see cref="MigrationDemoData"/>) instead of the usual <see cref="SeedCustomers"/> per provider.
    /// </summary>
    /// <param name="seedCustomers">How many fake customers the sandbox seeds into each CMFBL company and MC-CRM.</param>
    /// <param name="prepare">Adds data once the sandbox is started, or <see langword="null"/>.</param>
    /// <exception cref="InvalidOperationException">The sandbox is started already.</exception>
    public void Configure(int seedCustomers, Action<SandboxServer>? prepare)
    {
        if (_server is not null)
        {
            throw new InvalidOperationException("The embedded sandbox is started already: configure it before its first use.");
        }

        _seedCustomers = seedCustomers;
        _prepare = prepare;
    }

    /// <summary>Gets the running sandbox, starting it on first use.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The sandbox.</returns>
    public async Task<SandboxServer> GetAsync(CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            var server = await SandboxServer.StartAsync(new SandboxOptions { Port = 0, SeedCustomers = _seedCustomers }, cancellationToken)
                .ConfigureAwait(false);
            _server = server;
            _prepare?.Invoke(server);
        }

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
