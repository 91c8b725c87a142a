using System.Text;
using Spectre.Console;

namespace BrokerAdapters.Cli.Output;

/// <summary>
/// Spectre.Console output over any <see cref="TextWriter"/>, with the terminal decided by the caller: the CLI writes
/// to the writers it was given (captured in tests), not necessarily to <see cref="Console.Out"/>.
/// </summary>
internal sealed class CliConsoleOutput : IAnsiConsoleOutput
{
    /// <summary>The width used when the output is not a terminal (a pipe or a file): wide enough that rows do not wrap.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>Creates the output.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="isTerminal">Whether <paramref name="writer"/> is an interactive terminal.</param>
    public CliConsoleOutput(TextWriter writer, bool isTerminal)
    {
        Writer = writer;
        IsTerminal = isTerminal;
    }

    /// <inheritdoc />
    public TextWriter Writer { get; }

    /// <inheritdoc />
    public bool IsTerminal { get; }

    /// <inheritdoc />
    public int Width => IsTerminal ? SafeConsoleSize(() => Console.WindowWidth, 80) : RedirectedWidth;

    /// <inheritdoc />
    public int Height => IsTerminal ? SafeConsoleSize(() => Console.WindowHeight, 24) : 24;

    /// <summary>Tells whether a writer is the process's standard output or error attached to a terminal.</summary>
    /// <param name="writer">The writer.</param>
    /// <returns><see langword="true"/> for an interactive terminal.</returns>
    public static bool IsConsoleTerminal(TextWriter writer) =>
        (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
        || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);

    /// <inheritdoc />
    public void SetEncoding(Encoding encoding)
    {
        // The terminal's encoding is the process's; a captured writer has its own.
    }

    private static int SafeConsoleSize(Func<int> read, int fallback)
    {
        try
        {
            var size = read();
            return size > 0 ? size : fallback;
        }
        catch (IOException)
        {
            return fallback;
        }
    }
}
