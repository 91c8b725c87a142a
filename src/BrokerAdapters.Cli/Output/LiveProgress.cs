using Spectre.Console;

namespace BrokerAdapters.Cli.Output;

/// <summary>
/// Progress for long runs, shown only when standard output is a terminal and the output is not JSON: a spinner or a
/// bar whose text is refreshed from the run's own counters a few times a second. Otherwise the work just runs.
/// </summary>
internal static class LiveProgress
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(150);

    /// <summary>Gets whether progress is shown for this output.</summary>
    /// <param name="output">The command's output.</param>
    /// <returns><see langword="true"/> on a terminal without <c>--json</c>.</returns>
    public static bool IsShown(CliOutput output) => output is { IsTerminal: true, Json: false };

    /// <summary>Runs <paramref name="work"/> with a spinner showing <paramref name="describe"/>.</summary>
    /// <param name="output">The command's output.</param>
    /// <param name="describe">The text to show (plain, not markup), e.g. counts and rate.</param>
    /// <param name="work">The work.</param>
    /// <returns>A task.</returns>
    public static async Task SpinAsync(CliOutput output, Func<string> describe, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(work);
        if (!IsShown(output))
        {
            await work().ConfigureAwait(false);
            return;
        }

        await output.Out.Status().StartAsync(Markup.Escape(describe()), async status =>
        {
            await WithRefreshAsync(() => status.Status(Markup.Escape(describe())), work).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> with a progress bar: a bar to <paramref name="total"/> when it is known, moving otherwise.</summary>
    /// <param name="output">The command's output.</param>
    /// <param name="total">How many rows there are, when known.</param>
    /// <param name="describe">The text beside the bar (plain, not markup) and the rows done.</param>
    /// <param name="work">The work.</param>
    /// <returns>A task.</returns>
    public static async Task BarAsync(CliOutput output, long? total, Func<(string Text, long Done)> describe, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(work);
        if (!IsShown(output))
        {
            await work().ConfigureAwait(false);
            return;
        }

        // A percentage only means something when the total is known.
        ProgressColumn[] columns = total is null
            ? [new SpinnerColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }]
            : [new SpinnerColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }];
        await output.Out.Progress()
            .AutoClear(false)
            .Columns(columns)
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(describe().Text), maxValue: Math.Max(1, total ?? 1));
                task.IsIndeterminate = total is null;
                void Update()
                {
                    var (text, done) = describe();
                    task.Description = Markup.Escape(text);
                    if (total is not null)
                    {
                        task.Value = Math.Min(done, task.MaxValue);
                    }
                }

                try
                {
                    await WithRefreshAsync(Update, work).ConfigureAwait(false);
                }
                finally
                {
                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            }).ConfigureAwait(false);
    }

    /// <summary>A rate for people: <c>1,234/s</c>.</summary>
    /// <param name="count">How many.</param>
    /// <param name="elapsed">In how long.</param>
    /// <returns>The rate.</returns>
    public static string Rate(long count, TimeSpan elapsed) =>
        elapsed.TotalSeconds <= 0 ? "—/s" : (count / elapsed.TotalSeconds).ToString(count / elapsed.TotalSeconds >= 100 ? "N0" : "N1", System.Globalization.CultureInfo.InvariantCulture) + "/s";

    private static async Task WithRefreshAsync(Action update, Func<Task> work)
    {
        using var stop = new CancellationTokenSource();
        var refresh = RefreshAsync(update, stop.Token);
        try
        {
            await work().ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await refresh.ConfigureAwait(false);
        }
    }

    private static async Task RefreshAsync(Action update, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            update();
            try
            {
                await Task.Delay(RefreshInterval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        update();
    }
}
