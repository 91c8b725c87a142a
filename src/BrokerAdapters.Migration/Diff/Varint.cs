using System.Buffers;

namespace BrokerAdapters.Migration;

/// <summary>Unsigned LEB128 integers: lengths in the index take one byte below 128.</summary>
internal static class Varint
{
    public static void Write(IBufferWriter<byte> output, uint value)
    {
        var span = output.GetSpan(5);
        var written = 0;
        while (value >= 0x80)
        {
            span[written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[written++] = (byte)value;
        output.Advance(written);
    }

    public static uint Read(ReadOnlySpan<byte> data, ref int position)
    {
        uint value = 0;
        var shift = 0;
        while (true)
        {
            var b = data[position++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }
}
