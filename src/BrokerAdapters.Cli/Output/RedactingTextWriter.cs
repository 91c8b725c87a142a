using System.Text;

namespace BrokerAdapters.Cli.Output;

/// <summary>
/// A writer that masks secrets (see <see cref="SecretRedactor"/>) in each piece of text before passing it on. Spectre
/// writes a whole rendered table or line at once, so a secret is masked unless something writes it character by
/// character; everything the CLI prints goes through one of these.
/// </summary>
internal sealed class RedactingTextWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly SecretRedactor _redactor;

    /// <summary>Creates the writer.</summary>
    /// <param name="inner">Where to write.</param>
    /// <param name="redactor">Masks the secrets.</param>
    public RedactingTextWriter(TextWriter inner, SecretRedactor redactor)
        : base(inner?.FormatProvider)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(redactor);
        _inner = inner;
        _redactor = redactor;
    }

    /// <inheritdoc />
    public override Encoding Encoding => _inner.Encoding;

    /// <inheritdoc />
    public override IFormatProvider FormatProvider => _inner.FormatProvider;

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => _inner.NewLine;
        set => _inner.NewLine = value;
    }

    /// <inheritdoc />
    public override void Write(char value) => _inner.Write(value);

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (value is not null)
        {
            _inner.Write(_redactor.Redact(value));
        }
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer) => Write(buffer.ToString());

    /// <inheritdoc />
    public override void WriteLine(string? value) => _inner.WriteLine(value is null ? null : _redactor.Redact(value));

    /// <inheritdoc />
    public override void WriteLine(ReadOnlySpan<char> buffer) => WriteLine(buffer.ToString());

    /// <inheritdoc />
    public override void WriteLine(char[] buffer, int index, int count) => WriteLine(new string(buffer, index, count));

    /// <inheritdoc />
    public override Task WriteAsync(string? value) => _inner.WriteAsync(value is null ? null : _redactor.Redact(value));

    /// <inheritdoc />
    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        _inner.WriteAsync(_redactor.Redact(buffer.ToString()).AsMemory(), cancellationToken);

    /// <inheritdoc />
    public override Task WriteLineAsync(string? value) => _inner.WriteLineAsync(value is null ? null : _redactor.Redact(value));

    /// <inheritdoc />
    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        _inner.WriteLineAsync(_redactor.Redact(buffer.ToString()).AsMemory(), cancellationToken);

    /// <inheritdoc />
    public override void Flush() => _inner.Flush();

    /// <inheritdoc />
    public override Task FlushAsync() => _inner.FlushAsync();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
}
