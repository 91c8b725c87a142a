using System.Numerics;

namespace BrokerAdapters.Migration;

/// <summary>
/// An open-addressing hash table from a key's 32-bit hash to index slots, for one match key: one <see cref="long"/> per
/// entry (hash and slot), linear probing, kept at most half full. Entries with equal hashes (the same key value, or a
/// collision) sit next to each other in probe order, so a lookup finds every candidate with one probe sequence and
/// usually one cache miss; the caller checks each candidate's stored key.
/// </summary>
internal sealed class KeyTable
{
    private long[] _entries = new long[1024];
    private int _count;
    private int _shift = 64 - 10;

    /// <summary>Adds <paramref name="slot"/> under <paramref name="hash"/>.</summary>
    public void Add(int hash, int slot)
    {
        if ((_count + 1) * 2 > _entries.Length)
        {
            Grow();
        }

        Insert(_entries, _shift, Entry(hash, slot));
        _count++;
    }

    /// <summary>Starts a lookup of <paramref name="hash"/>; call <see cref="Next"/> until it returns -1.</summary>
    public int Start(int hash) => Position(hash, _shift);

    /// <summary>The next slot stored under <paramref name="hash"/>, probing from <paramref name="position"/>; -1 when there is none.</summary>
    public int Next(int hash, ref int position)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        while (true)
        {
            var entry = entries[position];
            if (entry == 0)
            {
                return -1;
            }

            position = (position + 1) & mask;
            if ((int)(entry >> 32) == hash)
            {
                return (int)(uint)entry - 1;
            }
        }
    }

    private static long Entry(int hash, int slot) => ((long)hash << 32) | (uint)(slot + 1);

    private static int Position(int hash, int shift) => (int)(((ulong)(uint)hash * 0x9E3779B97F4A7C15UL) >> shift);

    private static void Insert(long[] entries, int shift, long entry)
    {
        var mask = entries.Length - 1;
        var position = Position((int)(entry >> 32), shift);
        while (entries[position] != 0)
        {
            position = (position + 1) & mask;
        }

        entries[position] = entry;
    }

    private void Grow()
    {
        var larger = new long[_entries.Length * 2];
        var shift = 64 - BitOperations.Log2((uint)larger.Length);
        foreach (var entry in _entries)
        {
            if (entry != 0)
            {
                Insert(larger, shift, entry);
            }
        }

        _entries = larger;
        _shift = shift;
    }
}
