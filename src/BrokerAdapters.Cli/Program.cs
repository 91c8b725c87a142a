using System.Runtime.InteropServices;
using BrokerAdapters.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the command, which then exits with code 130; a second one ends the process at once.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};

// A service manager or container stopping the process (SIGTERM) gets the same orderly stop as Ctrl+C.
using var termination = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

return await CliApp.RunAsync(args, Console.In, Console.Out, Console.Error, environment: null, cancellation.Token).ConfigureAwait(false);
