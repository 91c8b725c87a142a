using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BrokerAdapters.Cli.Output;
using BrokerAdapters.Cli.Output.Documents;
using BrokerAdapters.Cli.Sides;
using BrokerAdapters.Migration;
using Spectre.Console;

namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// <c>export</c>: streams the selected registry's customers into a JSON Lines or CSV file (a side for <c>diff</c> and
/// <c>migrate</c>), with a count and rate while it runs on a terminal and a summary at the end.
/// </summary>
internal static class ExportCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="runner">Runs it.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var output = new Option<string>("--out")
        {
            Description = "The file to write: users.jsonl (JSON Lines) or users.csv (CSV). Replaced once every customer is written.",
            HelpName = "file",
            Required = true,
        };
        var format = new Option<string?>("--format")
        {
            Description = "jsonl or csv; by default from the file's extension (.csv is CSV, anything else JSON Lines).",
            HelpName = "jsonl|csv",
        };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var details = new Option<bool>("--details")
        {
            Description = "Read each customer again by number, for the fields list answers leave out (CMFBL: country, external id).",
        };
        var pageSize = new Option<int?>("--page-size") { Description = "How many customers to fetch per request (provider default otherwise).", HelpName = "n" };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "How many detail reads at a time with --details.",
            HelpName = "n",
            DefaultValueFactory = _ => MigrationOptions.DefaultMaxConcurrency,
        };
        IntegerOptions.Require(pageSize, value => value > 0, "--page-size must be a positive number.");
        IntegerOptions.Require(concurrency, value => value is > 0 and <= 64, "--concurrency must be between 1 and 64.");

        var command = new Command("export", "Write the selected provider's customers to a JSON Lines or CSV file, e.g. a side for diff and migrate.");
        command.Options.Add(output);
        command.Options.Add(format);
        command.Options.Add(details);
        command.Options.Add(pageSize);
        command.Options.Add(concurrency);
        runner.SetAction(command, async (context, parseResult, cancellationToken) =>
        {
            var file = parseResult.GetValue(output)!;
            var path = Path.GetFullPath(file, context.Io.CurrentDirectory);
            var fileFormat = parseResult.GetValue(format) switch
            {
                "csv" => CustomerFileFormat.Csv,
                "jsonl" => CustomerFileFormat.JsonLines,
                _ => CustomerFileIo.FormatOf(path),
            };
            var withDetails = parseResult.GetValue(details);
            var query = new CustomerQuery { PageSize = parseResult.GetValue(pageSize) };

            var host = await context.OpenRegistryAsync(cancellationToken).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var registry = host.Registry;
                if (!registry.Descriptor.Supports(UserRegistryCapabilities.List))
                {
                    throw UserRegistryException.NotSupported(
                        host.ProviderName,
                        "listing its customers, so it cannot be exported (a migration into it is checked with 'diff --target-mapping JOURNAL')");
                }

                var customers = withDetails
                    ? registry.ListWithDetailsAsync(query, parseResult.GetValue(concurrency), cancellationToken)
                    : registry.ListAsync(query, cancellationToken);
                long count = 0;
                var started = Stopwatch.GetTimestamp();
                async IAsyncEnumerable<Customer> Counted()
                {
                    await foreach (var customer in customers.ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref count);
                        yield return customer;
                    }
                }

                long written = 0;
                await LiveProgress.SpinAsync(
                    context.Output,
                    () =>
                    {
                        var so = Interlocked.Read(ref count);
                        return $"Exporting {host.ProviderName} to {file}: {so.ToString("N0", CultureInfo.InvariantCulture)} customers, {LiveProgress.Rate(so, Stopwatch.GetElapsedTime(started))}";
                    },
                    async () => written = await CustomerFileIo.WriteAsync(path, fileFormat, Counted(), cancellationToken).ConfigureAwait(false))
                    .ConfigureAwait(false);
                var elapsed = Stopwatch.GetElapsedTime(started);

                if (context.Output.Json)
                {
                    await context.Output.WriteJsonAsync(
                        new ExportDocument(host.ProviderName, path, CustomerFileIo.Name(fileFormat), withDetails, written, Math.Round(elapsed.TotalSeconds, 3)),
                        cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var kind = fileFormat == CustomerFileFormat.Csv ? "CSV" : "JSON Lines";
                    context.Output.Out.MarkupLine(
                        $"[green]Exported[/] {Plural(written, "customer")} from {Markup.Escape(host.ProviderName)} to [bold]{Markup.Escape(file)}[/] ({kind}) " +
                        $"in {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, {LiveProgress.Rate(written, elapsed)}.");
                    if (!withDetails && host.ProviderName == Configuration.ProviderNames.Cmfbl)
                    {
                        context.Output.Out.MarkupLine("[dim]CMFBL list answers have no country or external id: add --details to read each customer in full.[/]");
                    }
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Plural(long count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
