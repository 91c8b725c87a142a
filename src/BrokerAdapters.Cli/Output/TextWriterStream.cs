using System.Text;

namespace BrokerAdapters.Cli.Output;

/// <summary>A write-only stream that decodes UTF-8 bytes and writes the text to a <see cref="TextWriter"/>.</summary>
internal sealed class TextWriterStream : Stream
{
    private readonly TextWriter _writer;
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
    private char _last = '\n';

    /// <summary>Creates the stream.</summary>
    /// <param name="writer">Where the text goes; not disposed with the stream.</param>
    public TextWriterStream(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <summary>Gets whether nothing was written or the text written so far ends with a line break.</summary>
    public bool EndsWithLineBreak => _last == '\n';

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var text = Decode(buffer, flush: false);
        if (text.Length > 0)
        {
            _writer.Write(text);
        }
    }

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var text = Decode(buffer.Span, flush: false);
        if (text.Length > 0)
        {
            await _writer.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush() => _writer.Flush();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            var rest = Decode([], flush: true);
            if (rest.Length > 0)
            {
                _writer.Write(rest);
            }

            _writer.Flush();
        }

        base.Dispose(disposing);
    }

    private string Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        var chars = new char[_decoder.GetCharCount(bytes, flush)];
        var count = _decoder.GetChars(bytes, chars, flush);
        if (count > 0)
        {
            _last = chars[count - 1];
        }

        return new string(chars, 0, count);
    }
}
