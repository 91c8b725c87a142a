using System.Buffers;
using System.Text;

namespace BrokerAdapters.Migration;

/// <summary>
/// The target side of a diff, kept compactly: one record of UTF-8 bytes per customer in a chunked arena (no object per
/// customer, so the garbage collector has almost nothing to trace), and per match key a <see cref="KeyTable"/> from the
/// key's hash to the slots with that hash.
/// </summary>
/// <remarks>
/// A record holds, in order: the normalised key values (by <see cref="DiffPlan.Keys"/>), the E.164 phone when phones
/// are compared, the original values of <see cref="DiffPlan.StoredFields"/>, and, when extras are compared, their
/// count and name/value pairs. Memory per customer is roughly the UTF-8 size of those values plus 16 to 32 bytes per
/// match key and 9 bytes of slot bookkeeping: about 400 bytes for a typical customer with the default options.
/// </remarks>
internal sealed class TargetIndex
{
    private const int ChunkSize = 1 << 20;

    private const byte Free = 0;
    private const byte Claimed = 1;
    private const byte Candidate = 2;

    private readonly DiffPlan _plan;
    private readonly List<byte[]> _chunks = [];
    private readonly KeyTable[] _keys;
    private readonly ArrayBufferWriter<byte> _record = new(1024);
    private readonly char[] _scratch = new char[CustomerFields.ScratchLength];
    private int _chunkOffset = ChunkSize;
    private long[] _positions = new long[1024];
    private byte[] _states = new byte[1024];
    private byte[]? _lastProviderBytes;
    private string? _lastProvider;

    public TargetIndex(DiffPlan plan)
    {
        _plan = plan;
        _keys = new KeyTable[plan.Keys.Length];
        for (var i = 0; i < _keys.Length; i++)
        {
            _keys[i] = new KeyTable();
        }
    }

    /// <summary>Gets how many customers the index holds.</summary>
    public int Count { get; private set; }

    /// <summary>Gets how many bytes the records take (for measurements).</summary>
    public long RecordBytes { get; private set; }

    /// <summary>Adds a target customer; <paramref name="keys"/> are its normalised keys by <see cref="DiffPlan.Keys"/>.</summary>
    public int Add(Customer customer, string?[] keys, string? phone)
    {
        _record.ResetWrittenCount();
        foreach (var key in keys)
        {
            WriteValue(key);
        }

        if (_plan.ComparePhone)
        {
            WriteValue(phone);
        }

        foreach (var field in _plan.StoredFields)
        {
            if (CustomerFields.TryGet(customer, field, _scratch, out var value))
            {
                WriteValue(value);
            }
            else
            {
                Varint.Write(_record, 0);
            }
        }

        if (_plan.CompareExtra)
        {
            WriteExtra(customer.Extra);
        }

        var slot = Count;
        if (slot == int.MaxValue)
        {
            throw new InvalidOperationException("The target side has more customers than a diff can index.");
        }

        EnsureCapacity(slot + 1);
        _positions[slot] = Append(_record.WrittenSpan);
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] is { } value)
            {
                _keys[i].Add(value.GetHashCode(), slot);
            }
        }

        Count = slot + 1;
        return slot;
    }

    /// <summary>Adds to <paramref name="found"/> every slot whose key <paramref name="keySlot"/> is exactly <paramref name="value"/>, in target order.</summary>
    public void Find(int keySlot, string value, List<int> found)
    {
        var table = _keys[keySlot];
        var hash = value.GetHashCode();
        var position = table.Start(hash);
        int slot;
        while ((slot = table.Next(hash, ref position)) >= 0)
        {
            var record = Record(slot);
            record.Skip(keySlot);
            if (record.Next(out var stored) && FieldValueComparer.KeyEqual(stored, value))
            {
                found.Add(slot);
            }
        }

        if (found.Count > 1)
        {
            // Probing meets equal keys in insertion order only until the table wraps around.
            found.Sort();
        }
    }

    /// <summary>Reads the record of <paramref name="slot"/> from its start (the keys).</summary>
    public IndexRecord Record(int slot)
    {
        var position = _positions[slot];
        var chunk = _chunks[(int)(position >> 32)];
        var offset = (int)position;
        var length = (int)Varint.Read(chunk, ref offset);
        return new IndexRecord(chunk.AsSpan(offset, length));
    }

    /// <summary>Claims <paramref name="slot"/> for a source customer; <see langword="false"/> when an earlier one did.</summary>
    public bool Claim(int slot)
    {
        if (_states[slot] == Claimed)
        {
            return false;
        }

        _states[slot] = Claimed;
        return true;
    }

    /// <summary>Marks an unclaimed slot as a candidate of an ambiguous source customer, so that it is not reported as only in the target.</summary>
    public void MarkCandidate(int slot)
    {
        if (_states[slot] == Free)
        {
            _states[slot] = Candidate;
        }
    }

    /// <summary>Tells whether nothing matched <paramref name="slot"/> nor named it as a candidate.</summary>
    public bool IsFree(int slot) => _states[slot] == Free;

    /// <summary>Tells whether <paramref name="slot"/> was only named as a candidate of ambiguous source customers.</summary>
    public bool IsCandidateOnly(int slot) => _states[slot] == Candidate;

    /// <summary>Decodes the identity of <paramref name="slot"/>.</summary>
    public CustomerReference Reference(int slot)
    {
        var record = Record(slot);
        record.Skip(_plan.Keys.Length + (_plan.ComparePhone ? 1 : 0));
        var provider = ProviderName(ref record);
        var id = Decode(ref record) ?? string.Empty;
        var number = Decode(ref record);
        var externalId = Decode(ref record);
        var email = Decode(ref record);
        var phone = Decode(ref record);
        return new CustomerReference(provider, id, number, externalId, email, phone);
    }

    /// <summary>Decodes a value of a record, or <see langword="null"/>.</summary>
    public static string? Decode(ref IndexRecord record) =>
        record.Next(out var value) ? Encoding.UTF8.GetString(value) : null;

    private string ProviderName(ref IndexRecord record)
    {
        if (!record.Next(out var value))
        {
            return string.Empty;
        }

        // Every customer of a side usually has the same provider: decode it once.
        if (_lastProviderBytes is null || !value.SequenceEqual(_lastProviderBytes))
        {
            _lastProviderBytes = value.ToArray();
            _lastProvider = Encoding.UTF8.GetString(value);
        }

        return _lastProvider!;
    }

    private void WriteValue(ReadOnlySpan<char> value)
    {
        // Most values are short: encode straight after a one-byte length, and make room for a longer length only when
        // the encoded value needs it.
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        var span = _record.GetSpan(maxBytes + 5);
        var written = Encoding.UTF8.GetBytes(value, span[1..]);
        var length = (uint)written + 1;
        if (length < 0x80)
        {
            span[0] = (byte)length;
            _record.Advance(written + 1);
            return;
        }

        var prefix = 1;
        for (var rest = length >> 7; rest > 0; rest >>= 7)
        {
            prefix++;
        }

        span.Slice(1, written).CopyTo(span[prefix..]);
        for (var i = 0; i < prefix - 1; i++)
        {
            span[i] = (byte)(length | 0x80);
            length >>= 7;
        }

        span[prefix - 1] = (byte)length;
        _record.Advance(written + prefix);
    }

    private void WriteValue(string? value)
    {
        if (value is null)
        {
            Varint.Write(_record, 0);
        }
        else
        {
            WriteValue(value.AsSpan());
        }
    }

    private void WriteExtra(IReadOnlyDictionary<string, string?> extra)
    {
        var count = 0;
        foreach (var pair in extra)
        {
            if (_plan.ComparesExtra(pair.Key))
            {
                count++;
            }
        }

        Varint.Write(_record, (uint)count);
        foreach (var pair in extra)
        {
            if (_plan.ComparesExtra(pair.Key))
            {
                WriteValue(pair.Key);
                WriteValue(pair.Value);
            }
        }
    }

    private long Append(ReadOnlySpan<byte> record)
    {
        var needed = record.Length + 5;
        if (_chunkOffset + needed > ChunkSize || _chunks.Count == 0)
        {
            _chunks.Add(new byte[Math.Max(ChunkSize, needed)]);
            _chunkOffset = 0;
        }

        var chunkIndex = _chunks.Count - 1;
        var chunk = _chunks[chunkIndex];
        var start = _chunkOffset;
        var offset = start;
        var length = (uint)record.Length;
        while (length >= 0x80)
        {
            chunk[offset++] = (byte)(length | 0x80);
            length >>= 7;
        }

        chunk[offset++] = (byte)length;
        record.CopyTo(chunk.AsSpan(offset));
        _chunkOffset = offset + record.Length;
        RecordBytes += _chunkOffset - start;
        if (chunk.Length > ChunkSize)
        {
            // An oversized record has a chunk of its own: the next record starts a new one.
            _chunkOffset = ChunkSize;
        }

        return ((long)chunkIndex << 32) | (uint)start;
    }

    private void EnsureCapacity(int count)
    {
        if (count <= _positions.Length)
        {
            return;
        }

        var size = (int)Math.Min(Array.MaxLength, Math.Max(count, (long)_positions.Length * 2));
        Array.Resize(ref _positions, size);
        Array.Resize(ref _states, size);
    }
}
