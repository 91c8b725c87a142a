using System.Globalization;
using System.Runtime.ExceptionServices;
using BrokerAdapters.Cli.Output;
using BrokerAdapters.Cli.Output.Documents;
using BrokerAdapters.Cli.Sides;
using BrokerAdapters.Migration;
using Spectre.Console;

namespace BrokerAdapters.Cli.Commands;

/// <summary>The two things <c>migrate</c> does with a prepared <see cref="CustomerMigrator"/>: a dry run (the plan), or an apply run.</summary>
internal sealed class MigrationCommandRun
{
    private readonly CommandContext _context;
    private readonly MigrateCommand.MigrateRequest _request;
    private readonly CustomerSide _source;
    private readonly CustomerSide _target;
    private readonly CustomerMigrator _migrator;
    private readonly string? _journal;
    private readonly MigrationPasswordPolicy? _passwords;

    /// <summary>Creates the run.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="request">The command line.</param>
    /// <param name="source">The source side.</param>
    /// <param name="target">The target registry.</param>
    /// <param name="migrator">The migrator into the target.</param>
    /// <param name="journal">The journal's full path, if any.</param>
    /// <param name="passwords">The password policy, if any.</param>
    public MigrationCommandRun(
        CommandContext context,
        MigrateCommand.MigrateRequest request,
        CustomerSide source,
        CustomerSide target,
        CustomerMigrator migrator,
        string? journal,
        MigrationPasswordPolicy? passwords)
    {
        _context = context;
        _request = request;
        _source = source;
        _target = target;
        _migrator = migrator;
        _journal = journal;
        _passwords = passwords;
    }

    private CliOutput Output => _context.Output;

    /// <summary>The dry run: what would happen to each source customer; nothing is registered.</summary>
    /// <param name="cancellationToken">Cancels the plan.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> PlanAsync(CancellationToken cancellationToken)
    {
        var plan = _migrator.PlanAsync(_source.ReadAsync(_request.Concurrency, cancellationToken), cancellationToken);
        if (Output.Json)
        {
            await MigrationPlanWriter.WriteJsonLinesAsync(plan, Output.OutWriter, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var counts = Enum.GetValues<MigrationPlanAction>().ToDictionary(action => action, _ => 0L);
        var rows = new List<MigrationPlanRow>();
        long read = 0;
        await LiveProgress.SpinAsync(Output, () => $"Planning: {Count(Interlocked.Read(ref read))} source customers read", async () =>
        {
            await foreach (var row in plan.ConfigureAwait(false))
            {
                counts[row.Action]++;
                Interlocked.Increment(ref read);
                if (rows.Count < _request.Rows)
                {
                    rows.Add(row);
                }
            }
        }).ConfigureAwait(false);

        var console = Output.Out;
        console.MarkupLine($"[bold]Dry run[/]: nothing was registered. Migrating {Markup.Escape(_source.Label)} → {Markup.Escape(_target.Label)} would do:");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Action").AddColumn(new TableColumn("Customers").RightAligned()).AddColumn("Meaning");
        foreach (var (action, count) in counts)
        {
            table.AddRow(new Text(action.ToString()), new Text(Count(count)), new Text(Meaning(action), new Style(decoration: Decoration.Dim)));
        }

        table.AddEmptyRow();
        table.AddRow(new Text("Source customers"), new Text(Count(read)), new Text(string.Empty));
        console.Write(table);

        if (rows.Count > 0)
        {
            console.MarkupLine(rows.Count < read ? $"The first {rows.Count} rows:" : "The rows:");
            var rowTable = new Table().Border(TableBorder.Rounded)
                .AddColumn(new TableColumn("#").RightAligned()).AddColumn("Source key").AddColumn("Number").AddColumn("Email").AddColumn("Phone").AddColumn("Action").AddColumn("Detail");
            foreach (var row in rows)
            {
                var detail = string.Join("; ", new[] { row.Detail }.Concat(row.Problems.Select(p => $"{p.Field}: {p.Message}")).Where(d => !string.IsNullOrWhiteSpace(d)));
                rowTable.AddRow(
                    new Text(row.Index.ToString(CultureInfo.InvariantCulture)),
                    new Text(row.SourceKey),
                    new Text(row.Source.Number ?? string.Empty),
                    new Text(row.Source.Email ?? string.Empty),
                    new Text(row.Source.Phone?.E164 ?? string.Empty),
                    new Text(row.Action.ToString()),
                    new Text(detail));
            }

            console.Write(rowTable);
        }

        if (!CanLookUp(_target.Registry))
        {
            console.MarkupLine(
                $"[dim]{Markup.Escape(_target.Registry.Descriptor.ProviderName)} cannot look customers up by email or phone: customers it has already are planned as Create " +
                "and skipped as AlreadyExists when it refuses them.[/]");
        }

        if (counts[MigrationPlanAction.Create] > 0)
        {
            console.MarkupLine(
                $"To register the {Count(counts[MigrationPlanAction.Create])} customers to create, run the same command with " +
                "[bold]--apply --journal[/] FILE and [bold]--passwords-out[/] FILE (or [bold]--passwords-in[/] FILE).");
        }

        return ExitCodes.Success;
    }

    /// <summary>The apply run: registers, journals, reports progress and the summary.</summary>
    /// <param name="progress">Where the migrator reports its counts.</param>
    /// <param name="cancellationToken">Stops the run (rows in flight finish and are journaled).</param>
    /// <returns>The exit code.</returns>
    public async Task<int> ApplyAsync(MigrateCommand.LatestProgress progress, CancellationToken cancellationToken)
    {
        var run = _migrator.Apply(_source.ReadAsync(_request.Concurrency, cancellationToken));
        long? total = LiveProgress.IsShown(Output) && _source.FilePath is { } file
            ? await CustomerFileIo.CountRecordsAsync(file, _source.FileFormat, cancellationToken).ConfigureAwait(false)
            : null;
        var failures = new List<MigrationResult>();
        Exception? stopped = null;
        try
        {
            await LiveProgress.BarAsync(Output, total, () => Describe(progress.Latest), async () =>
            {
                await foreach (var result in run.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    if (Output.Json)
                    {
                        await Output.WriteJsonLineAsync(MigrationResultDocument.From(result), CancellationToken.None).ConfigureAwait(false);
                    }

                    if (result.Outcome == MigrationOutcome.Failed && failures.Count < _request.Rows)
                    {
                        failures.Add(result);
                    }
                }
            }).ConfigureAwait(false);
        }
        catch (Exception ex) when (run.Summary.Status is MigrationRunStatus.Cancelled or MigrationRunStatus.Faulted)
        {
            // The run journaled everything it did: say what, then report the failure (exit 130 for Ctrl+C).
            stopped = ex;
        }

        var summary = run.Summary;
        if (stopped is not null && summary.Read == 0 && summary.Processed == 0)
        {
            // Nothing happened (e.g. the journal is held by another run): the error says it all.
            ExceptionDispatchInfo.Throw(stopped);
        }

        if (Output.Json)
        {
            await Output.WriteJsonLineAsync(
                new MigrationSummaryLine(MigrationSummaryDocument.From(summary, _journal!, _passwords!.Path)),
                CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            WriteSummary(summary, failures);
        }

        if (stopped is not null)
        {
            Output.Notice($"The journal {_journal} has every row this run finished: run the same command again to resume.");
            ExceptionDispatchInfo.Throw(stopped);
        }

        if (summary.Status == MigrationRunStatus.StoppedByFailureThreshold)
        {
            Output.ErrorLine(
                $"The run stopped: {Count(summary.Failed)} failed rows passed the failure threshold ({_request.Threshold}). " +
                "Fix the cause, then run the same command again: the journal resumes where it stopped.");
            return ExitCodes.StoppedByFailureThreshold;
        }

        if (summary.NeedsReconciliation > 0)
        {
            Output.ErrorLine(
                $"{Rows(summary.NeedsReconciliation)} {(summary.NeedsReconciliation == 1 ? "needs" : "need")} reconciliation: the registration may or may not have happened and " +
                $"{_target.Registry.Descriptor.ProviderName} cannot check. Look them up by hand, then run the same command again with --retry-in-doubt " +
                "(a customer that exists is then refused as a duplicate and journaled as existing).");
            return ExitCodes.NeedsReconciliation;
        }

        if (summary.Failed > 0)
        {
            Output.ErrorLine($"{Rows(summary.Failed)} failed: run the same command again to retry {(summary.Failed == 1 ? "it" : "them")} (the journal skips what is done).");
            return ExitCodes.MigrationRowsFailed;
        }

        return ExitCodes.Success;
    }

    private static bool CanLookUp(IUserRegistry registry)
    {
        var descriptor = registry.Descriptor;
        return new[] { CustomerLookupKind.Email, CustomerLookupKind.Phone }.Any(kind =>
            descriptor.Supports(UserRegistryCapabilities.Exists, kind) || descriptor.Supports(UserRegistryCapabilities.Find, kind));
    }

    private static (string Text, long Done) Describe(MigrationProgress? progress)
    {
        if (progress is null)
        {
            return ("Migrating…", 0);
        }

        return ($"{Count(progress.Read)} read, {Count(progress.Created)} created, {Count(progress.Skipped)} skipped, {Count(progress.Failed)} failed, " +
            LiveProgress.Rate(progress.Processed, progress.Elapsed), progress.Processed);
    }

    private static string Meaning(MigrationPlanAction action) => action switch
    {
        MigrationPlanAction.Create => "would be registered",
        MigrationPlanAction.CannotCreate => "cannot be: a required field or the password is missing",
        MigrationPlanAction.AlreadyMigrated => "an earlier run created or found it (journal)",
        MigrationPlanAction.AlreadyExists => "the target has it already (same email or phone)",
        MigrationPlanAction.DuplicateInSource => "an earlier source customer has the same key",
        MigrationPlanAction.NeedsReconciliation => "an earlier registration's outcome is unknown",
        _ => "looking it up in the target failed",
    };

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rows(long count) => count == 1 ? "1 row" : $"{Count(count)} rows";

    private void WriteSummary(MigrationSummary summary, IReadOnlyList<MigrationResult> failures)
    {
        var console = Output.Out;
        console.MarkupLine(
            $"[bold]Migration[/] {Markup.Escape(_source.Label)} → {Markup.Escape(_target.Label)}: [bold]{summary.Status}[/] " +
            $"in {summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, {LiveProgress.Rate(summary.Processed, summary.Elapsed)}");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Outcome").AddColumn(new TableColumn("Customers").RightAligned());
        table.AddRow("Created", Count(summary.Created));
        table.AddRow("Skipped: already migrated", Count(summary.AlreadyMigrated));
        table.AddRow("Skipped: already exists", Count(summary.AlreadyExists));
        table.AddRow("Skipped: cannot create", Count(summary.CannotCreate));
        table.AddRow("Skipped: duplicate in source", Count(summary.DuplicateInSource));
        table.AddRow("Failed", Count(summary.Failed));
        table.AddRow("  of which need reconciliation", Count(summary.NeedsReconciliation));
        table.AddEmptyRow();
        table.AddRow("Source customers read", Count(summary.Read));
        console.Write(table);

        if (failures.Count > 0)
        {
            console.MarkupLine(failures.Count < summary.Failed ? $"The first {failures.Count} failed rows:" : "Failed rows:");
            var failed = new Table().Border(TableBorder.Rounded)
                .AddColumn(new TableColumn("#").RightAligned()).AddColumn("Source key").AddColumn("Number").AddColumn("Error").AddColumn("Code").AddColumn("Message");
            foreach (var result in failures.OrderBy(r => r.Index))
            {
                failed.AddRow(
                    new Text(result.Index.ToString(CultureInfo.InvariantCulture)),
                    new Text(result.SourceKey),
                    new Text(result.Source.Number ?? string.Empty),
                    new Text(result.ErrorKind?.ToString() + (result.NeedsReconciliation ? " (reconcile)" : string.Empty)),
                    new Text(result.ProviderCode ?? string.Empty),
                    new Text(result.Message ?? string.Empty));
            }

            console.Write(failed);
        }

        console.MarkupLine($"Journal: [bold]{Markup.Escape(_request.Journal!)}[/] (checkpoint and mapping: run the same command again to resume).");
        if (_passwords is { GeneratesPasswords: true } && summary.Created + summary.NeedsReconciliation > 0)
        {
            console.MarkupLine(
                $"Passwords: the new customers' temporary passwords are in [bold]{Markup.Escape(_request.PasswordsOut!)}[/] only, never printed. " +
                "Hand them over securely, ask the customers to change them at first login, then delete the file.");
        }
    }
}
