namespace BrokerAdapters.Cli.Tests.Support;

/// <summary>A directory of one test's own: the CLI's current directory, where it writes its files.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("brokeradapters-cli-files-").FullName;
    }

    public string Path { get; }

    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Runs the CLI in this directory.</summary>
    public Task<CliResult> RunAsync(params string[] args) => Tool.RunAsync(args, environment: null, currentDirectory: Path);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
