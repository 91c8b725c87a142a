using Spectre.Console;

namespace BrokerAdapters.Cli.Output;

/// <summary>
/// Where a command writes: human output through Spectre.Console on standard output, JSON straight to the writer
/// (never wrapped or styled), notices and errors on standard error. Colours only on a terminal, and not with
/// <c>--no-color</c> or <c>NO_COLOR</c>.
/// </summary>
internal sealed class CliOutput
{
    // Standard error carries one-liners only (errors, notices, logs): never wrapped, so that each stays one line.
    private const int ErrorWidth = 10_000;

    private readonly TextWriter _out;
    private readonly TextWriter _error;

    /// <summary>Creates the output.</summary>
    /// <param name="io">The process's streams.</param>
    /// <param name="json">Whether <c>--json</c> was given.</param>
    /// <param name="color">Whether colours are allowed at all (no <c>--no-color</c>, no <c>NO_COLOR</c>).</param>
    /// <param name="redactor">Masks known secrets in everything written.</param>
    public CliOutput(CliIo io, bool json, bool color, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(redactor);

        // Everything written, tables and Spectre markup included, passes through the redactor.
        _out = new RedactingTextWriter(io.Stdout, redactor);
        _error = new RedactingTextWriter(io.Stderr, redactor);
        Json = json;
        IsTerminal = io.StdoutIsTerminal;
        Redactor = redactor;
        Out = CreateConsole(_out, io.StdoutIsTerminal, color);
        Error = CreateConsole(_error, io.StderrIsTerminal, color);
        Error.Profile.Width = ErrorWidth;
    }

    /// <summary>Gets the console for human output on standard output.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Gets the console on standard error.</summary>
    public IAnsiConsole Error { get; }

    /// <summary>Gets whether the command writes JSON.</summary>
    public bool Json { get; }

    /// <summary>Gets whether standard output is an interactive terminal (progress indicators are shown only then).</summary>
    public bool IsTerminal { get; }

    /// <summary>Gets standard output as a plain writer (for JSON Lines written by other code), through the redactor.</summary>
    public TextWriter OutWriter => _out;

    /// <summary>Gets the redactor of known secrets.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>Writes one JSON document, indented.</summary>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public Task WriteJsonAsync(object document, CancellationToken cancellationToken) =>
        WriteOutLineAsync(CliJson.Indented(document), cancellationToken);

    /// <summary>Writes one JSON document on one line (JSON Lines).</summary>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public Task WriteJsonLineAsync(object document, CancellationToken cancellationToken) =>
        WriteOutLineAsync(CliJson.Line(document), cancellationToken);

    /// <summary>Writes plain text on standard output, as it is.</summary>
    /// <param name="text">The text.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public async Task WriteOutLineAsync(string text, CancellationToken cancellationToken)
    {
        await _out.WriteLineAsync(Redactor.Redact(text).AsMemory(), cancellationToken).ConfigureAwait(false);
        await _out.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens standard output as a UTF-8 byte stream, for writers that produce bytes (a diff report); the text still
    /// passes through the redactor. Dispose it to flush.
    /// </summary>
    /// <returns>The stream.</returns>
    public TextWriterStream OpenOutStream() => new(_out);

    /// <summary>Writes one dim line on standard error: something the user should know that is not the result.</summary>
    /// <param name="text">The notice.</param>
    public void Notice(string text) =>
        Error.MarkupLine("[dim]" + Markup.Escape(OneLine(Redactor.Redact(text))) + "[/]");

    /// <summary>Writes the one line that says what failed, on standard error, as <c>error: …</c>.</summary>
    /// <param name="message">The message after <c>error: </c>.</param>
    public void ErrorLine(string message) =>
        Error.MarkupLine("[red]error:[/] " + Markup.Escape(OneLine(Redactor.Redact(message))));

    /// <summary>Writes an indented detail line under the error line (a field error, a failing setting).</summary>
    /// <param name="detail">The detail.</param>
    public void ErrorDetail(string detail) => _error.WriteLine("  " + OneLine(Redactor.Redact(detail)));

    /// <summary>Writes a block of text on standard error as it is (a stack trace with <c>--verbose</c>, usage help).</summary>
    /// <param name="text">The text.</param>
    public void ErrorBlock(string text) => _error.WriteLine(Redactor.Redact(text));

    private static string OneLine(string text) =>
        text.ReplaceLineEndings(" ").Trim();

    private static IAnsiConsole CreateConsole(TextWriter writer, bool isTerminal, bool color) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new CliConsoleOutput(writer, isTerminal),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal && color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
}
