namespace BrokerAdapters.Migration;

/// <summary>
/// Reads one target customer's record in the index: a sequence of values, each a length (plus one; zero for
/// <see langword="null"/>) and UTF-8 bytes, or counts.
/// </summary>
internal ref struct IndexRecord
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public IndexRecord(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Reads the next value; <see langword="false"/> when it is <see langword="null"/>.</summary>
    public bool Next(out ReadOnlySpan<byte> value)
    {
        var length = Varint.Read(_data, ref _position);
        if (length == 0)
        {
            value = default;
            return false;
        }

        value = _data.Slice(_position, (int)length - 1);
        _position += (int)length - 1;
        return true;
    }

    /// <summary>Reads a count.</summary>
    public int ReadCount() => (int)Varint.Read(_data, ref _position);

    /// <summary>Skips <paramref name="count"/> values.</summary>
    public void Skip(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var length = Varint.Read(_data, ref _position);
            if (length > 0)
            {
                _position += (int)length - 1;
            }
        }
    }
}
