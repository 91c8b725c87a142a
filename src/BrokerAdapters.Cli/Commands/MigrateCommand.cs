using System.CommandLine;
using System.Globalization;
using BrokerAdapters.Cli.Configuration;
using BrokerAdapters.Cli.Sides;
using BrokerAdapters.Migration;

namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// <c>migrate</c>: plans (by default) or applies (<c>--apply</c>) a migration of the source side's customers into the
/// target registry with <see cref="CustomerMigrator"/>: a dry run changes nothing; an apply run registers with bounded
/// concurrency, journals every row (checkpoint and mapping) so that running it again resumes, and stops when failures
/// pass the threshold. Passwords are generated into the operator's file or read from one, and never printed.
/// </summary>
internal static class MigrateCommand
{
    private const int DefaultRows = 10;

    /// <summary>Creates the command.</summary>
    /// <param name="runner">Runs it.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var options = new MigrateOptions();
        var command = new Command(
            "migrate",
            "Plan (dry run, the default) or apply (--apply) the migration of the source's customers into the target registry; " +
            "resumable through its journal. Without any side given or configured, migrates the embedded sandbox's CMFBL company 360 to MC-CRM.");
        options.AddTo(command);
        runner.SetAction(command, (context, parseResult, cancellationToken) => RunAsync(context, options.Read(parseResult), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, MigrateRequest request, CancellationToken cancellationToken)
    {
        var journal = request.Journal is null ? null : Path.GetFullPath(request.Journal, context.Io.CurrentDirectory);
        var passwordsOut = request.PasswordsOut is null ? null : Path.GetFullPath(request.PasswordsOut, context.Io.CurrentDirectory);
        var passwordsIn = request.PasswordsIn is null ? null : Path.GetFullPath(request.PasswordsIn, context.Io.CurrentDirectory);
        if (passwordsOut is not null && passwordsIn is not null)
        {
            throw new CliUsageException("Give either --passwords-out (generate temporary passwords) or --passwords-in (read them from a file), not both.");
        }

        if (request.Apply && journal is null)
        {
            throw new CliUsageException("--apply needs --journal FILE: the journal is the checkpoint that makes the run resumable and the mapping of what it created.");
        }

        if (request.Apply && passwordsOut is null && passwordsIn is null)
        {
            throw new CliUsageException(
                "--apply needs --passwords-out FILE (generate a temporary password per customer, written to that file only) or --passwords-in FILE (your own): passwords cannot be copied from the source.");
        }

        if (passwordsIn is not null && !File.Exists(passwordsIn))
        {
            throw new CliUsageException($"--passwords-in: the file '{request.PasswordsIn}' does not exist.");
        }

        context.Sandbox.Configure(seedCustomers: 0, MigrationDemoData.Prepare);
        var demo = CustomerSides.UseSandboxDemo(context, request.Source, request.Target);
        if (demo)
        {
            context.Output.Notice(
                $"No --source or --target given and no {CustomerSides.SourceSection} or {CustomerSides.TargetSection} configured: migrating the embedded sandbox's " +
                $"demo customers from CMFBL company {MigrationDemoData.SourceCompany} to MC-CRM. Its data, and what this run creates, lasts until this command ends.");
        }

        var sourceSide = demo
            ? await CustomerSides.OpenSandboxAsync(context, ProviderNames.Cmfbl, MigrationDemoData.SourceCompany, "source", cancellationToken).ConfigureAwait(false)
            : await CustomerSides.OpenAsync(context, "--source", request.Source, CustomerSides.SourceSection, "source", cancellationToken).ConfigureAwait(false);
        await using (sourceSide.ConfigureAwait(false))
        {
            var targetSide = demo
                ? await CustomerSides.OpenSandboxAsync(context, ProviderNames.McCrm, null, "target", cancellationToken).ConfigureAwait(false)
                : await CustomerSides.OpenAsync(context, "--target", request.Target, CustomerSides.TargetSection, "target", cancellationToken).ConfigureAwait(false);
            await using (targetSide.ConfigureAwait(false))
            {
                if (targetSide.IsFile)
                {
                    throw new CliUsageException($"--target '{targetSide.Label}' is a file: customers are migrated into a registry, so --target must name a configuration section.");
                }

                if (!sourceSide.CanList)
                {
                    throw UserRegistryException.NotSupported(
                        sourceSide.Registry.Descriptor.ProviderName,
                        $"listing its customers, so {sourceSide.Label} cannot be a migration source");
                }

                var progress = new LatestProgress();
                var policy = passwordsOut is not null ? MigrationPasswordPolicy.Generate(passwordsOut, PasswordFormatOf(passwordsOut))
                    : passwordsIn is not null ? MigrationPasswordPolicy.FromFile(passwordsIn, PasswordFormatOf(passwordsIn))
                    : null;
                CustomerMigrator migrator;
                try
                {
                    migrator = new CustomerMigrator(targetSide.Registry, new MigrationOptions
                    {
                        JournalPath = journal,
                        Passwords = policy,
                        MaxConcurrency = request.Concurrency,
                        FailureThreshold = request.Threshold,
                        RetryInDoubt = request.RetryInDoubt,
                        Progress = progress,
                    });
                }
                catch (ArgumentException ex)
                {
                    throw new CliUsageException(WithoutParameterName(ex), ex);
                }

                var run = new MigrationCommandRun(context, request, sourceSide, targetSide, migrator, journal, policy);
                return request.Apply
                    ? await run.ApplyAsync(progress, cancellationToken).ConfigureAwait(false)
                    : await run.PlanAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static MigrationPasswordFileFormat PasswordFormatOf(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jsonl" or ".ndjson" or ".json" ? MigrationPasswordFileFormat.JsonLines : MigrationPasswordFileFormat.Csv;

    private static string WithoutParameterName(ArgumentException exception) =>
        exception.ParamName is null ? exception.Message : exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal);

    /// <summary>What the command line asks for.</summary>
    internal sealed record MigrateRequest(
        string? Source,
        string? Target,
        bool Apply,
        string? Journal,
        string? PasswordsOut,
        string? PasswordsIn,
        MigrationFailureThreshold Threshold,
        int Concurrency,
        bool RetryInDoubt,
        int Rows);

    /// <summary>Keeps the latest progress report; the library reports from several threads.</summary>
    internal sealed class LatestProgress : IProgress<MigrationProgress>
    {
        private MigrationProgress? _latest;

        /// <summary>Gets the latest report, or <see langword="null"/> before the first.</summary>
        public MigrationProgress? Latest => Volatile.Read(ref _latest);

        /// <inheritdoc />
        public void Report(MigrationProgress value) => Volatile.Write(ref _latest, value);
    }

    private sealed class MigrateOptions
    {
        private readonly Option<string?> _source = new("--source")
        {
            Description = $"Where the customers come from: a configuration section (a registry's settings) or a customer file (.jsonl, .json, .csv). Default: the {CustomerSides.SourceSection} section.",
            HelpName = "section|file",
        };

        private readonly Option<string?> _target = new("--target")
        {
            Description = $"The configuration section of the registry to register them in. Default: the {CustomerSides.TargetSection} section.",
            HelpName = "section",
        };

        private readonly Option<bool> _apply = new("--apply")
        {
            Description = "Register the customers. Without it, a dry run: the plan, and nothing changes.",
        };

        private readonly Option<string?> _journal = new("--journal", "--checkpoint")
        {
            Description = "The journal: checkpoint (run the same command again to resume) and mapping (source → target ids). Required with --apply; with a dry run, plans what an earlier run did as AlreadyMigrated.",
            HelpName = "file",
        };

        private readonly Option<string?> _passwordsOut = new("--passwords-out")
        {
            Description = "Generate a random temporary password per new customer, written to this file only (CSV; JSON Lines for .jsonl), never printed.",
            HelpName = "file",
        };

        private readonly Option<string?> _passwordsIn = new("--passwords-in")
        {
            Description = "Read the passwords from this file (CSV with sourceKey and password columns, or JSON Lines for .jsonl); customers without one are not created.",
            HelpName = "file",
        };

        private readonly Option<int?> _maxFailures = new("--max-failures")
        {
            Description = "Stop once more than this many rows failed (0: at the first failure).",
            HelpName = "n",
        };

        private readonly Option<double?> _maxFailurePercent = new("--max-failure-percent")
        {
            Description = "Stop once more than this percentage of the attempted rows failed, after 20 attempts. Default (when neither threshold is given): 20.",
            HelpName = "percent",
        };

        private readonly Option<int> _concurrency = new("--concurrency")
        {
            Description = "How many customers are looked up and registered at a time.",
            HelpName = "n",
            DefaultValueFactory = _ => MigrationOptions.DefaultMaxConcurrency,
        };

        private readonly Option<bool> _retryInDoubt = new("--retry-in-doubt")
        {
            Description = "Register again the rows whose earlier registration has an unknown outcome and that the target cannot check (after you checked them).",
        };

        private readonly Option<int> _rows = new("--rows")
        {
            Description = "How many plan rows, or failed rows, to list.",
            HelpName = "n",
            DefaultValueFactory = _ => DefaultRows,
        };

        public MigrateOptions()
        {
            IntegerOptions.Require(_maxFailures, value => value >= 0, "--max-failures must not be negative.");
            IntegerOptions.Require(_concurrency, value => value is > 0 and <= 64, "--concurrency must be between 1 and 64.");
            IntegerOptions.Require(_rows, value => value >= 0, "--rows must not be negative.");
            _maxFailurePercent.Validators.Add(result =>
            {
                if (result.Tokens is [var token]
                    && double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent)
                    && (double.IsNaN(percent) || percent is < 0 or > 100))
                {
                    result.AddError("--max-failure-percent must be between 0 and 100.");
                }
            });
        }

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _source, _target, _apply, _journal, _passwordsOut, _passwordsIn, _maxFailures, _maxFailurePercent, _concurrency, _retryInDoubt, _rows })
            {
                command.Options.Add(option);
            }
        }

        public MigrateRequest Read(ParseResult parseResult)
        {
            var maxFailures = parseResult.GetValue(_maxFailures);
            var maxPercent = parseResult.GetValue(_maxFailurePercent);
            var threshold = maxFailures is null && maxPercent is null
                ? MigrationFailureThreshold.Default
                : new MigrationFailureThreshold { MaxFailures = maxFailures, MaxFailurePercent = maxPercent };
            return new MigrateRequest(
                parseResult.GetValue(_source),
                parseResult.GetValue(_target),
                parseResult.GetValue(_apply),
                parseResult.GetValue(_journal),
                parseResult.GetValue(_passwordsOut),
                parseResult.GetValue(_passwordsIn),
                threshold,
                parseResult.GetValue(_concurrency),
                parseResult.GetValue(_retryInDoubt),
                parseResult.GetValue(_rows));
        }
    }
}
