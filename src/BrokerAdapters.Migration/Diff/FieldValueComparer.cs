using System.Buffers;
using System.Globalization;
using System.Text;

namespace BrokerAdapters.Migration;

/// <summary>
/// Compares a source value (UTF-16) with a target value kept in the index (UTF-8) under a <see cref="FieldKind"/>,
/// without allocating: equal ASCII bytes are recognised without decoding, anything else is decoded into a stack
/// buffer (or a pooled one for long values).
/// </summary>
internal static class FieldValueComparer
{
    private const int StackLimit = 256;

    /// <summary>Tells whether two values are equal under <paramref name="kind"/>; an absent value equals an empty one.</summary>
    public static bool Equal(FieldKind kind, ReadOnlySpan<char> source, ReadOnlySpan<byte> target)
    {
        if (source.Length == target.Length && Ascii.Equals(target, source))
        {
            return true;
        }

        if (kind == FieldKind.Exact && target.Length < source.Trim().Length)
        {
            // Each UTF-16 unit takes at least one UTF-8 byte: the trimmed target cannot be as long.
            return false;
        }

        char[]? rented = null;
        var buffer = target.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(target.Length));
        try
        {
            var written = Encoding.UTF8.GetChars(target, buffer);
            return Equal(kind, source, buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Tells whether two values are equal under <paramref name="kind"/>; an absent value equals an empty one.</summary>
    public static bool Equal(FieldKind kind, ReadOnlySpan<char> source, ReadOnlySpan<char> target) => kind switch
    {
        FieldKind.Text => TextEqual(source, target),
        FieldKind.Timestamp => TimestampEqual(source, target),
        _ => source.Trim().SequenceEqual(target.Trim()),
    };

    /// <summary>Tells whether an index key (UTF-8) is exactly <paramref name="value"/>, ordinal.</summary>
    public static bool KeyEqual(ReadOnlySpan<byte> stored, string value)
    {
        if (stored.Length == value.Length && Ascii.Equals(stored, value))
        {
            return true;
        }

        if (stored.Length < value.Length || Ascii.IsValid(stored))
        {
            return false;
        }

        char[]? rented = null;
        var buffer = stored.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(stored.Length));
        try
        {
            var written = Encoding.UTF8.GetChars(stored, buffer);
            return buffer[..written].SequenceEqual(value);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Text equality ignoring case (invariant), leading and trailing white space, and the length of white-space runs:
    /// <c>" Ann  LEE "</c> equals <c>"ann lee"</c>.
    /// </summary>
    public static bool TextEqual(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        left = left.Trim();
        right = right.Trim();
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            var a = left[i];
            var b = right[j];
            if (char.IsWhiteSpace(a) || char.IsWhiteSpace(b))
            {
                if (!char.IsWhiteSpace(a) || !char.IsWhiteSpace(b))
                {
                    return false;
                }

                while (i < left.Length && char.IsWhiteSpace(left[i]))
                {
                    i++;
                }

                while (j < right.Length && char.IsWhiteSpace(right[j]))
                {
                    j++;
                }

                continue;
            }

            if (a != b && char.ToUpperInvariant(a) != char.ToUpperInvariant(b))
            {
                return false;
            }

            i++;
            j++;
        }

        return i == left.Length && j == right.Length;
    }

    private static bool TimestampEqual(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        left = left.Trim();
        right = right.Trim();
        if (left.IsEmpty || right.IsEmpty)
        {
            return left.IsEmpty && right.IsEmpty;
        }

        return DateTimeOffset.TryParse(left, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var a)
            && DateTimeOffset.TryParse(right, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var b)
            ? a.UtcTicks == b.UtcTicks
            : left.SequenceEqual(right);
    }
}
