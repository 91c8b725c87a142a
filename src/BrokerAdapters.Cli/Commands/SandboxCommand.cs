using System.CommandLine;
using System.Globalization;
using BrokerAdapters.Cli.Configuration;
using BrokerAdapters.Cli.Output.Documents;
using BrokerAdapters.Sandbox;
using Newtonsoft.Json;
using Spectre.Console;

namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// <c>sandbox</c>: runs the CMFBL and MC-CRM emulators over HTTP in the foreground until Ctrl+C, and prints what a
/// client needs to use them. The credentials printed are the sandbox's own, generated at start and worthless elsewhere:
/// this is the only command that prints credentials.
/// </summary>
internal static class SandboxCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="runner">Runs it.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var port = new Option<int>("--port") { Description = "The loopback port to listen on; 0 picks a free one.", HelpName = "port", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed-customers")
        {
            Description = "How many fake customers to start each CMFBL company and MC-CRM with.",
            HelpName = "n",
            DefaultValueFactory = _ => EmbeddedSandbox.SeedCustomers,
        };
        var migrationDemo = new Option<bool>("--migration-demo")
        {
            Description = "Start with the data diff and migrate use on the embedded sandbox (CMFBL companies 360 and 361 overlapping, with differences; " +
                "5 of them in MC-CRM) instead of --seed-customers, and add Migration:Source, Migration:Target and Migration:Company361 sections to the settings.",
        };
        IntegerOptions.Require(port, value => value is >= 0 and <= 65535, "--port must be between 0 and 65535.");
        IntegerOptions.Require(seed, value => value >= 0, "--seed-customers must not be negative.");

        var command = new Command("sandbox", "Run the provider sandbox in the foreground until Ctrl+C; prints its URLs, credentials and an appsettings snippet.");
        command.Options.Add(port);
        command.Options.Add(seed);
        command.Options.Add(migrationDemo);
        command.Validators.Add(result =>
        {
            if (result.GetResult(migrationDemo) is { Implicit: false } && result.GetResult(seed) is { Implicit: false })
            {
                result.AddError("Give either --migration-demo or --seed-customers: the migration demo has its own customers.");
            }
        });
        runner.SetAction(command, async (context, parseResult, cancellationToken) =>
        {
            var demo = parseResult.GetValue(migrationDemo);
            var options = new SandboxOptions { Port = parseResult.GetValue(port), SeedCustomers = demo ? 0 : parseResult.GetValue(seed) };
            SandboxServer sandbox;
            try
            {
                sandbox = await SandboxServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new CliUsageException($"The sandbox cannot listen on port {options.Port.ToString(CultureInfo.InvariantCulture)}: {ex.Message}", ex);
            }

            await using (sandbox.ConfigureAwait(false))
            {
                if (demo)
                {
                    MigrationDemoData.Prepare(sandbox);
                }

                var document = Describe(sandbox, demo);
                if (context.Output.Json)
                {
                    await context.Output.WriteJsonAsync(document, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await WriteHumanAsync(context, document, cancellationToken).ConfigureAwait(false);
                }

                // Returns when Ctrl+C cancels the token (or the host is told to stop); the server is stopped by then.
                await sandbox.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                context.Output.Notice("Sandbox stopped.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static SandboxDocument Describe(SandboxServer sandbox, bool migrationDemo)
    {
        var settings = new Dictionary<string, string?>(sandbox.ToConfiguration(ProviderNames.Cmfbl, CliConfigurationLoader.SectionName));
        if (migrationDemo)
        {
            // The sections diff and migrate read by default, and the other company for a diff of the two white labels.
            foreach (var (section, provider, company) in new[]
            {
                (Sides.CustomerSides.SourceSection, ProviderNames.Cmfbl, MigrationDemoData.SourceCompany),
                (Sides.CustomerSides.TargetSection, ProviderNames.McCrm, (string?)null),
                ("Migration:Company" + MigrationDemoData.TargetCompany, ProviderNames.Cmfbl, MigrationDemoData.TargetCompany),
            })
            {
                var prefix = $"{section}:{provider}:";
                foreach (var (key, value) in sandbox.ToConfiguration(provider, section, company))
                {
                    if (key.StartsWith(prefix, StringComparison.Ordinal) || key == section + ":Provider")
                    {
                        settings[key] = value;
                    }
                }
            }
        }

        return new(
            sandbox.BaseUrl,
            new SandboxCmfblDocument(
                sandbox.CmfblBaseUrl,
                [.. sandbox.Cmfbl.Companies.Select(c => new SandboxCompanyDocument(c.CompanyId, c.AppId, c.AppSecret, c.PublicKeyPem, c.Customers.Count))]),
            new SandboxMcCrmDocument(sandbox.McCrmBaseUrl, sandbox.McCrm.Token, sandbox.McCrm.BizName, sandbox.McCrm.PublicKeyPem, sandbox.McCrm.Users.Count),
            ConfigurationJson.ToJson(settings));
    }

    private static async Task WriteHumanAsync(CommandContext context, SandboxDocument document, CancellationToken cancellationToken)
    {
        var console = context.Output.Out;
        console.MarkupLine($"[bold]BrokerAdapters sandbox[/] listening at [link]{Markup.Escape(document.BaseUrl.ToString())}[/]. Press [bold]Ctrl+C[/] to stop.");
        console.WriteLine();
        var endpoints = new Table().Border(TableBorder.Rounded).AddColumn("Provider").AddColumn("Base URL").AddColumn("Settings");
        endpoints.AddRow("CMFBL", document.Cmfbl.BaseUrl, "UserRegistry:Cmfbl:BaseUrl and :ClientBaseUrl");
        endpoints.AddRow("MC-CRM", document.McCrm.BaseUrl, "UserRegistry:McCrm:BaseUrl");
        console.Write(endpoints);

        console.MarkupLine("[bold]CMFBL companies[/] [dim](the sandbox's own throwaway credentials, new at every start)[/]");
        var companies = new Table().Border(TableBorder.Rounded).AddColumn("Company id").AddColumn("App id").AddColumn("App secret").AddColumn("Customers");
        foreach (var company in document.Cmfbl.Companies)
        {
            companies.AddRow(company.CompanyId, company.AppId, company.AppSecret, company.Customers.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(companies);
        console.MarkupLine("[bold]MC-CRM[/] [dim](throwaway merchant credentials)[/]");
        var mcCrm = new Table().Border(TableBorder.Rounded).AddColumn("Token").AddColumn("Biz name").AddColumn("Customers");
        mcCrm.AddRow(document.McCrm.Token, document.McCrm.BizName, document.McCrm.Customers.ToString(CultureInfo.InvariantCulture));
        console.Write(mcCrm);

        // Keys and JSON go to the writer as they are: Spectre would wrap their long lines and break copy-paste.
        console.MarkupLine("[bold]MC-CRM public key[/] (PEM):");
        await context.Output.WriteOutLineAsync(document.McCrm.PublicKeyPem, cancellationToken).ConfigureAwait(false);
        console.WriteLine();
        console.MarkupLine("[bold]appsettings.json[/] [dim](set \"Provider\" to \"McCrm\" to switch; pass with --config or copy into your app)[/]:");
        await context.Output.WriteOutLineAsync(document.AppSettings.ToString(Formatting.Indented), cancellationToken).ConfigureAwait(false);
    }
}
