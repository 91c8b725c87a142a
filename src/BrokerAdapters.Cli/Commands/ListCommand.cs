using System.CommandLine;
using System.Globalization;
using BrokerAdapters.Cli.Output;
using BrokerAdapters.Cli.Output.Documents;
using Spectre.Console;

namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// <c>list</c>: streams every customer, printing each row as its page arrives (JSON Lines with <c>--json</c>), with a
/// spinner while fetching when standard output is a terminal.
/// </summary>
internal static class ListCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="runner">Runs it.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var pageSize = new Option<int?>("--page-size") { Description = "How many customers to fetch per request (provider default otherwise).", HelpName = "n" };
        var limit = new Option<int?>("--limit") { Description = "Stop after this many customers.", HelpName = "n" };
        RequirePositive(pageSize);
        RequirePositive(limit);

        var command = new Command("list", "List customers as they arrive, page by page (JSON Lines with --json).");
        command.Options.Add(pageSize);
        command.Options.Add(limit);
        runner.SetAction(command, async (context, parseResult, cancellationToken) =>
        {
            var query = new CustomerQuery { PageSize = parseResult.GetValue(pageSize) };
            var max = parseResult.GetValue(limit) ?? int.MaxValue;
            var host = await context.OpenRegistryAsync(cancellationToken).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var customers = host.Registry.ListAsync(query, cancellationToken);
                if (context.Output.Json)
                {
                    await WriteJsonLinesAsync(context.Output, customers, max, cancellationToken).ConfigureAwait(false);
                }
                else if (context.Output.IsTerminal)
                {
                    var count = 0;
                    await context.Output.Out.Status().StartAsync("Fetching customers…", async status =>
                    {
                        count = await WriteRowsAsync(context.Output, customers, max, status, cancellationToken).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                    WriteTotal(context.Output, count);
                }
                else
                {
                    WriteTotal(context.Output, await WriteRowsAsync(context.Output, customers, max, status: null, cancellationToken).ConfigureAwait(false));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void RequirePositive(Option<int?> option) =>
        IntegerOptions.Require(option, value => value > 0, $"{option.Name} must be a positive number.");

    private static async Task WriteJsonLinesAsync(CliOutput output, IAsyncEnumerable<Customer> customers, int max, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var customer in customers.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await output.WriteJsonLineAsync(CustomerDocument.From(customer), cancellationToken).ConfigureAwait(false);
            if (++count >= max)
            {
                break;
            }
        }
    }

    private static async Task<int> WriteRowsAsync(
        CliOutput output, IAsyncEnumerable<Customer> customers, int max, StatusContext? status, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var customer in customers.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (count == 0)
            {
                output.Out.Write(CustomerView.RowHeader());
            }

            output.Out.Write(CustomerView.Row(customer));
            count++;
            status?.Status($"Fetching customers… {count.ToString(CultureInfo.InvariantCulture)} so far");
            if (count >= max)
            {
                break;
            }
        }

        return count;
    }

    private static void WriteTotal(CliOutput output, int count) =>
        output.Out.MarkupLine($"[dim]{count.ToString(CultureInfo.InvariantCulture)} customer{(count == 1 ? string.Empty : "s")}[/]");
}
