namespace BrokerAdapters.Migration;

/// <summary>The counts of an apply run so far, reported after each row through <see cref="MigrationOptions.Progress"/>.</summary>
public sealed record MigrationProgress
{
    /// <summary>Gets how many source customers were read.</summary>
    public long Read { get; init; }

    /// <summary>Gets how many customers were created.</summary>
    public long Created { get; init; }

    /// <summary>Gets how many customers were skipped.</summary>
    public long Skipped { get; init; }

    /// <summary>Gets how many customers failed.</summary>
    public long Failed { get; init; }

    /// <summary>Gets how many customers are being looked up or registered right now.</summary>
    public int InFlight { get; init; }

    /// <summary>Gets the time since the run started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Gets how many rows have a result: <see cref="Created"/> + <see cref="Skipped"/> + <see cref="Failed"/>.</summary>
    public long Processed => Created + Skipped + Failed;

    /// <summary>Gets the processed rows per second since the run started.</summary>
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Processed / Elapsed.TotalSeconds : 0;
}
