using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BrokerAdapters.Cli.Configuration;
using BrokerAdapters.Cli.Output;
using BrokerAdapters.Cli.Output.Documents;
using BrokerAdapters.Cli.Sides;
using BrokerAdapters.Migration;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// <c>diff</c>: compares two sides field by field (<see cref="CustomerDiff"/>): registries built from configuration
/// sections, customer files, or a registry read back through a migration journal. Prints the counts per category and
/// the first changed customers, or writes a report (JSON, CSV, Markdown, HTML). Without any side given or configured
/// it diffs the embedded sandbox's two CMFBL companies (see <see cref="MigrationDemoData"/>). Exit code 0 whether or
/// not there are differences, unless <c>--fail-on-difference</c>.
/// </summary>
internal static class DiffCommand
{
    private const int DefaultRows = 10;

    private static readonly string[] FormatNames = ["json", "csv", "md", "markdown", "html"];

    /// <summary>Creates the command.</summary>
    /// <param name="runner">Runs it.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var source = new Option<string?>("--source")
        {
            Description = $"The side customers come from: a configuration section (a registry's settings) or a customer file (.jsonl, .json, .csv). Default: the {CustomerSides.SourceSection} section.",
            HelpName = "section|file",
        };
        var target = new Option<string?>("--target")
        {
            Description = $"The side they are compared with, as --source. Default: the {CustomerSides.TargetSection} section.",
            HelpName = "section|file",
        };
        var sourceMapping = new Option<string?>("--source-mapping")
        {
            Description = "Read the source registry through this migration journal: each customer it mapped, found by id (for a provider that cannot list).",
            HelpName = "journal",
        };
        var targetMapping = new Option<string?>("--target-mapping")
        {
            Description = "Read the target registry through this migration journal, e.g. MC-CRM after 'migrate --apply --journal JOURNAL'.",
            HelpName = "journal",
        };
        var match = new Option<string[]>("--match")
        {
            Description = $"The keys that identify a customer on both sides, in priority order. Default: {string.Join(",", DiffOptions.DefaultMatchKeys)}.",
            HelpName = "key,…",
        };
        var ignore = new Option<string[]>("--ignore")
        {
            Description = $"Fields not to compare, on top of {string.Join(",", DiffOptions.DefaultIgnoredFields)}: e.g. Country, Name (a group) or Extra.companyId.",
            HelpName = "field,…",
        };
        var compareExtra = new Option<bool>("--compare-extra") { Description = "Compare the provider-only fields (Extra) too." };
        var format = new Option<string?>("--format")
        {
            Description = "Write a report instead of the summary: json (complete), csv (one row per difference), md or html (self-contained page). To --out, else to standard output.",
            HelpName = "json|csv|md|html",
        };
        format.AcceptOnlyFromAmong(FormatNames);
        var output = new Option<string?>("--out")
        {
            Description = "The report file; its extension gives the format when --format is not given (.json, .csv, .md, .html).",
            HelpName = "file",
        };
        var rows = new Option<int>("--rows")
        {
            Description = "How many changed and ambiguous customers the summary lists.",
            HelpName = "n",
            DefaultValueFactory = _ => DefaultRows,
        };
        var failOnDifference = new Option<bool>("--fail-on-difference")
        {
            Description = $"Exit with code {ExitCodes.DifferencesFound} when a customer is changed, on one side only or ambiguous.",
        };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "How many customers a registry side reads at a time (details, or lookups through a journal).",
            HelpName = "n",
            DefaultValueFactory = _ => MigrationOptions.DefaultMaxConcurrency,
        };
        match.Validators.Add(result =>
        {
            var keys = ListOptions.Split(result.Tokens.Select(t => t.Value));
            foreach (var key in keys.Where(key => !Enum.GetNames<MatchKey>().Contains(key, StringComparer.OrdinalIgnoreCase)))
            {
                result.AddError($"--match: unknown key '{key}'. Keys: {string.Join(", ", Enum.GetNames<MatchKey>())}.");
            }

            if (keys.Distinct(StringComparer.OrdinalIgnoreCase).Count() != keys.Count)
            {
                result.AddError("--match names a key twice.");
            }
        });
        ignore.Validators.Add(result =>
        {
            foreach (var field in ListOptions.Split(result.Tokens.Select(t => t.Value)).Where(field => !IsKnownField(field)))
            {
                result.AddError($"--ignore: unknown field '{field}'. Fields: {string.Join(", ", DiffOptions.ComparableFields)}; groups: {string.Join(", ", FieldGroups())}; Extra and Extra.<name>.");
            }
        });
        IntegerOptions.Require(rows, value => value >= 0, "--rows must not be negative.");
        IntegerOptions.Require(concurrency, value => value is > 0 and <= 64, "--concurrency must be between 1 and 64.");

        var command = new Command(
            "diff",
            "Compare the customers of two sides field by field: configuration sections (registries) or customer files. " +
            "Without any, diffs the embedded sandbox's two CMFBL companies.");
        foreach (var option in new Option[] { source, target, sourceMapping, targetMapping, match, ignore, compareExtra, format, output, rows, failOnDifference, concurrency })
        {
            command.Options.Add(option);
        }

        runner.SetAction(command, async (context, parseResult, cancellationToken) =>
        {
            var request = new DiffRequest(
                parseResult.GetValue(source),
                parseResult.GetValue(target),
                parseResult.GetValue(sourceMapping),
                parseResult.GetValue(targetMapping),
                new DiffOptions
                {
                    MatchKeys = ListOptions.Split(parseResult.GetValue(match)) is { Count: > 0 } keys
                        ? [.. keys.Select(key => Enum.Parse<MatchKey>(key, ignoreCase: true))]
                        : DiffOptions.DefaultMatchKeys,
                    IgnoredFields = [.. DiffOptions.DefaultIgnoredFields, .. ListOptions.Split(parseResult.GetValue(ignore))],
                    CompareExtra = parseResult.GetValue(compareExtra),
                },
                parseResult.GetValue(format),
                parseResult.GetValue(output),
                parseResult.GetValue(rows),
                parseResult.GetValue(concurrency));
            var differences = await RunAsync(context, request, cancellationToken).ConfigureAwait(false);
            return differences && parseResult.GetValue(failOnDifference) ? ExitCodes.DifferencesFound : ExitCodes.Success;
        });
        return command;
    }

    private static async Task<bool> RunAsync(CommandContext context, DiffRequest request, CancellationToken cancellationToken)
    {
        var outPath = request.Out is null ? null : Path.GetFullPath(request.Out, context.Io.CurrentDirectory);
        var reportFormat = ParseFormat(request.Format);
        if (reportFormat is null && outPath is not null)
        {
            reportFormat = FormatOf(outPath)
                ?? throw new CliUsageException($"--out '{request.Out}': give --format json|csv|md|html, the file's extension does not say which.");
        }

        if (context.Output.Json && outPath is null)
        {
            reportFormat ??= DiffReportFormat.Json;
            if (reportFormat != DiffReportFormat.Json)
            {
                throw new CliUsageException($"--json writes the JSON report to standard output: write the {request.Format} report to a file with --out FILE.");
            }
        }

        // The sandbox (if a side needs it) starts with the migration demo's customers.
        context.Sandbox.Configure(seedCustomers: 0, MigrationDemoData.Prepare);
        var demo = CustomerSides.UseSandboxDemo(context, request.Source, request.Target);
        if (demo)
        {
            context.Output.Notice(
                $"No --source or --target given and no {CustomerSides.SourceSection} or {CustomerSides.TargetSection} configured: diffing the embedded sandbox's " +
                $"demo customers, CMFBL company {MigrationDemoData.SourceCompany} (source) against company {MigrationDemoData.TargetCompany} (target).");
        }

        var sourceSide = demo
            ? await CustomerSides.OpenSandboxAsync(context, ProviderNames.Cmfbl, MigrationDemoData.SourceCompany, "source", cancellationToken).ConfigureAwait(false)
            : await CustomerSides.OpenAsync(context, "--source", request.Source, CustomerSides.SourceSection, "source", cancellationToken).ConfigureAwait(false);
        await using (sourceSide.ConfigureAwait(false))
        {
            var targetSide = demo
                ? await CustomerSides.OpenSandboxAsync(context, ProviderNames.Cmfbl, MigrationDemoData.TargetCompany, "target", cancellationToken).ConfigureAwait(false)
                : await CustomerSides.OpenAsync(context, "--target", request.Target, CustomerSides.TargetSection, "target", cancellationToken).ConfigureAwait(false);
            await using (targetSide.ConfigureAwait(false))
            {
                var results = CustomerDiff.Compare(
                    Read(context, sourceSide, request.SourceMapping, "--source", "--source-mapping", request.Concurrency, cancellationToken),
                    Read(context, targetSide, request.TargetMapping, "--target", "--target-mapping", request.Concurrency, cancellationToken),
                    request.Options);
                var reportOptions = new DiffReportOptions { SourceName = sourceSide.Label, TargetName = targetSide.Label };
                var started = Stopwatch.GetTimestamp();
                string Progress()
                {
                    var summary = results.Summary;
                    var read = summary.SourceCount + summary.TargetCount;
                    return $"Diffing: {Count(summary.TargetCount)} target customers indexed, {Count(summary.SourceCount)} source customers compared, " +
                        LiveProgress.Rate(read, Stopwatch.GetElapsedTime(started));
                }

                if (reportFormat is { } toFile && outPath is not null)
                {
                    await LiveProgress.SpinAsync(context.Output, Progress, () => OutputFiles.ReplaceAsync(outPath, async partial =>
                    {
                        var file = File.Create(partial);
                        await using (file.ConfigureAwait(false))
                        {
                            await DiffReportWriter.WriteAsync(toFile, results, file, reportOptions, cancellationToken).ConfigureAwait(false);
                        }

                        return true;
                    })).ConfigureAwait(false);
                    if (context.Output.Json)
                    {
                        await context.Output.WriteJsonAsync(
                            new DiffDocument(sourceSide.Label, targetSide.Label, outPath, FormatName(toFile), DiffSummaryDocument.From(results.Summary)),
                            cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        WriteSummary(context.Output.Out, sourceSide, targetSide, results.Summary);
                        context.Output.Out.MarkupLine($"Report ({FormatName(toFile)}) written to [bold]{Markup.Escape(request.Out!)}[/].");
                        WriteElapsed(context.Output.Out, results.Summary, Stopwatch.GetElapsedTime(started));
                    }
                }
                else if (reportFormat is { } toStdout)
                {
                    var stream = context.Output.OpenOutStream();
                    await using (stream.ConfigureAwait(false))
                    {
                        await DiffReportWriter.WriteAsync(toStdout, results, stream, reportOptions, cancellationToken).ConfigureAwait(false);
                        if (!stream.EndsWithLineBreak)
                        {
                            // The JSON report ends with its closing brace: a shell prompt or the next document starts on a line of its own.
                            await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
                else
                {
                    var changed = new List<CustomerDiffEntry>();
                    var ambiguous = new List<CustomerDiffEntry>();
                    await LiveProgress.SpinAsync(context.Output, Progress, async () =>
                    {
                        await foreach (var entry in results.WithCancellation(cancellationToken).ConfigureAwait(false))
                        {
                            var list = entry.Category switch
                            {
                                DiffCategory.Changed => changed,
                                DiffCategory.Ambiguous => ambiguous,
                                _ => null,
                            };
                            if (list is not null && list.Count < request.Rows)
                            {
                                list.Add(entry);
                            }
                        }
                    }).ConfigureAwait(false);
                    WriteSummary(context.Output.Out, sourceSide, targetSide, results.Summary);
                    WriteChanged(context.Output.Out, changed, results.Summary.Changed);
                    WriteAmbiguous(context.Output.Out, ambiguous, results.Summary.Ambiguous);
                    WriteElapsed(context.Output.Out, results.Summary, Stopwatch.GetElapsedTime(started));
                }

                var counts = results.Summary;
                return counts.Changed + counts.OnlyInSource + counts.OnlyInTarget + counts.Ambiguous > 0;
            }
        }
    }

    private static IAsyncEnumerable<Customer> Read(
        CommandContext context, CustomerSide side, string? mapping, string sideOption, string mappingOption, int concurrency, CancellationToken cancellationToken)
    {
        if (mapping is not null)
        {
            if (side.IsFile)
            {
                throw new CliUsageException($"{mappingOption} reads a registry through a migration journal, but {sideOption} is a file.");
            }

            var journal = Path.GetFullPath(mapping, context.Io.CurrentDirectory);
            if (!File.Exists(journal))
            {
                throw new CliUsageException($"{mappingOption}: the journal '{mapping}' does not exist.");
            }

            var migrator = new CustomerMigrator(side.Registry, new MigrationOptions { JournalPath = journal, MaxConcurrency = concurrency });
            return migrator.ProbeAsync(cancellationToken);
        }

        if (!side.CanList)
        {
            throw UserRegistryException.NotSupported(
                side.Registry.Descriptor.ProviderName,
                $"listing its customers, so {sideOption} {side.Label} cannot be read; to diff the customers a migration mapped into it, give that migration's journal with {mappingOption} JOURNAL");
        }

        return side.ReadAsync(concurrency, cancellationToken);
    }

    private static void WriteSummary(IAnsiConsole console, CustomerSide source, CustomerSide target, DiffSummary summary)
    {
        console.MarkupLine($"[bold]Source[/] {Markup.Escape(source.Label)}  →  [bold]target[/] {Markup.Escape(target.Label)}");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Category").AddColumn(new TableColumn("Customers").RightAligned());
        foreach (var category in new[] { DiffCategory.Identical, DiffCategory.Changed, DiffCategory.OnlyInSource, DiffCategory.OnlyInTarget, DiffCategory.Ambiguous })
        {
            table.AddRow(new Text(Label(category)), new Text(Count(summary.Count(category))));
        }

        table.AddEmptyRow();
        table.AddRow(new Text("Source customers"), new Text(Count(summary.SourceCount)));
        table.AddRow(new Text("Target customers"), new Text(Count(summary.TargetCount)));
        console.Write(table);

        var fields = summary.GetFieldChanges();
        if (fields.Count > 0)
        {
            console.MarkupLine("Changed fields: " + string.Join(", ", fields.Select(f => $"{Markup.Escape(f.Key)} {Count(f.Value)}")));
        }

        if (!summary.IsComplete)
        {
            console.MarkupLine("[yellow]The diff did not run to its end: the counts are partial.[/]");
        }
    }

    private static void WriteElapsed(IAnsiConsole console, DiffSummary summary, TimeSpan elapsed) =>
        console.MarkupLine($"[dim]Diffed {Count(summary.SourceCount)} source and {Count(summary.TargetCount)} target customers in {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.[/]");

    private static void WriteChanged(IAnsiConsole console, IReadOnlyList<CustomerDiffEntry> entries, long total)
    {
        if (entries.Count == 0)
        {
            return;
        }

        console.MarkupLine($"[bold]Changed[/] customers{(entries.Count < total ? $" (the first {entries.Count} of {Count(total)})" : string.Empty)}:");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Match").AddColumn("Source").AddColumn("Target").AddColumn("Field").AddColumn("Source value").AddColumn("Target value");
        foreach (var entry in entries)
        {
            var first = true;
            foreach (var change in entry.Changes)
            {
                table.AddRow(
                    new Text(first ? entry.MatchKey?.ToString() ?? string.Empty : string.Empty),
                    new Text(first ? Describe(entry.Source) : string.Empty),
                    new Text(first ? Describe(entry.Target) : string.Empty),
                    new Text(change.Field),
                    Value(change.SourceValue),
                    Value(change.TargetValue));
                first = false;
            }
        }

        console.Write(table);
    }

    private static void WriteAmbiguous(IAnsiConsole console, IReadOnlyList<CustomerDiffEntry> entries, long total)
    {
        if (entries.Count == 0)
        {
            return;
        }

        console.MarkupLine($"[bold]Ambiguous[/] customers{(entries.Count < total ? $" (the first {entries.Count} of {Count(total)})" : string.Empty)}, never guessed:");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Source").AddColumn("Why").AddColumn("Candidates in the target");
        foreach (var entry in entries)
        {
            table.AddRow(
                new Text(Describe(entry.Source)),
                new Text(Reason(entry.Ambiguity)),
                new Text(string.Join(Environment.NewLine, entry.Candidates.Select(c => $"{Describe(c.Customer)} by {string.Join('+', c.Keys)}"))));
        }

        console.Write(table);
    }

    private static IRenderable Value(string? value) =>
        value is null ? new Text("—", new Style(decoration: Decoration.Dim)) : new Text(value);

    private static string Describe(CustomerReference? customer) =>
        customer is null ? string.Empty : (customer.Number ?? customer.Id) + (customer.Email is null ? string.Empty : $" ({customer.Email})");

    private static string Label(DiffCategory category) => category switch
    {
        DiffCategory.Identical => "Identical",
        DiffCategory.Changed => "Changed",
        DiffCategory.OnlyInSource => "Only in source",
        DiffCategory.OnlyInTarget => "Only in target",
        _ => "Ambiguous",
    };

    private static string Reason(AmbiguityReason? reason) => reason switch
    {
        AmbiguityReason.ConflictingKeys => "its keys lead to different customers",
        AmbiguityReason.SharedKeyValue => "a key value is shared by several customers",
        AmbiguityReason.AlreadyMatched => "its match was already taken by another customer",
        _ => string.Empty,
    };

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static DiffReportFormat? ParseFormat(string? name) => name?.ToLowerInvariant() switch
    {
        null => null,
        "json" => DiffReportFormat.Json,
        "csv" => DiffReportFormat.Csv,
        "md" or "markdown" => DiffReportFormat.Markdown,
        _ => DiffReportFormat.Html,
    };

    private static DiffReportFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => DiffReportFormat.Json,
        ".csv" => DiffReportFormat.Csv,
        ".md" or ".markdown" => DiffReportFormat.Markdown,
        ".html" or ".htm" => DiffReportFormat.Html,
        _ => null,
    };

    private static string FormatName(DiffReportFormat format) => format switch
    {
        DiffReportFormat.Json => "json",
        DiffReportFormat.Csv => "csv",
        DiffReportFormat.Markdown => "md",
        _ => "html",
    };

    private static IEnumerable<string> FieldGroups() =>
        DiffOptions.ComparableFields.Where(f => f.Contains('.', StringComparison.Ordinal)).Select(f => f[..f.IndexOf('.', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal);

    private static bool IsKnownField(string field) =>
        DiffOptions.ComparableFields.Contains(field, StringComparer.OrdinalIgnoreCase)
        || FieldGroups().Contains(field, StringComparer.OrdinalIgnoreCase)
        || string.Equals(field, "Extra", StringComparison.OrdinalIgnoreCase)
        || (field.StartsWith("Extra.", StringComparison.OrdinalIgnoreCase) && field.Length > "Extra.".Length);

    private sealed record DiffRequest(
        string? Source,
        string? Target,
        string? SourceMapping,
        string? TargetMapping,
        DiffOptions Options,
        string? Format,
        string? Out,
        int Rows,
        int Concurrency);
}
