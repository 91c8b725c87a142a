using System.CommandLine;

namespace BrokerAdapters.Cli.Commands;

/// <summary>The <c>brokeradapters</c> command tree.</summary>
internal static class CliCommandLine
{
    /// <summary>Builds the root command with every command and the global options.</summary>
    /// <param name="io">The streams and environment the commands use.</param>
    /// <returns>The root command.</returns>
    public static RootCommand Create(CliIo io)
    {
        var globals = new GlobalOptions();
        var runner = new CommandRunner(io, globals);
        var root = new RootCommand(
            "Register, check, find, list and log in customers on CMFBL or MC-CRM through one neutral contract. " +
            "Without a configured endpoint, commands run on an embedded sandbox; try 'brokeradapters demo'.");
        // Not the process's name: that is "BrokerAdapters.Cli", "dotnet" or a test host, depending on how it runs.
        root.HelpName = CliApp.ToolName;
        globals.AddTo(root);
        root.Subcommands.Add(ProvidersCommand.Create(runner));
        root.Subcommands.Add(RegisterCommand.Create(runner));
        root.Subcommands.Add(ExistsCommand.Create(runner));
        root.Subcommands.Add(GetCommand.Create(runner));
        root.Subcommands.Add(ListCommand.Create(runner));
        root.Subcommands.Add(LoginCommand.Create(runner));
        root.Subcommands.Add(ResetDemoCommand.Create(runner));
        root.Subcommands.Add(ExportCommand.Create(runner));
        root.Subcommands.Add(DiffCommand.Create(runner));
        root.Subcommands.Add(MigrateCommand.Create(runner));
        root.Subcommands.Add(SandboxCommand.Create(runner));
        root.Subcommands.Add(DemoCommand.Create(runner));
        return root;
    }
}
