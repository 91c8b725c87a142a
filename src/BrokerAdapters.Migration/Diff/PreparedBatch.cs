namespace BrokerAdapters.Migration;

/// <summary>Customers read from a side with their normalised keys already computed, handed from the reading thread to the diff.</summary>
internal sealed class PreparedBatch
{
    public PreparedBatch(int capacity, int keyCount)
    {
        Customers = new Customer[capacity];
        Keys = new string?[capacity * keyCount];
        Phones = new string?[capacity];
        KeyCount = keyCount;
    }

    public Customer[] Customers { get; }

    /// <summary>Gets the keys, <see cref="KeyCount"/> per customer, in <see cref="DiffPlan.Keys"/> order.</summary>
    public string?[] Keys { get; }

    /// <summary>Gets each customer's E.164 phone when phones are compared.</summary>
    public string?[] Phones { get; }

    public int KeyCount { get; }

    public int Count { get; set; }

    public bool IsFull => Count == Customers.Length;

    /// <summary>Copies the keys of customer <paramref name="index"/> into <paramref name="keys"/>.</summary>
    public void CopyKeys(int index, string?[] keys) => Array.Copy(Keys, index * KeyCount, keys, 0, KeyCount);
}
