using System.Globalization;

namespace BrokerAdapters.Migration;

/// <summary>
/// When an apply run gives up: after more than <see cref="MaxFailures"/> failed rows, or once more than
/// <see cref="MaxFailurePercent"/> of the attempted rows failed (checked after <see cref="MinimumSample"/> attempts).
/// </summary>
/// <remarks>
/// Attempted rows are those that reached the target: created, failed, or found to exist already. Rows that need
/// manual reconciliation or cannot be created do not count, so that a resumed run is not stopped by the leftovers
/// of an earlier one. Registrations in flight when the threshold is passed still complete.
/// </remarks>
public sealed record MigrationFailureThreshold
{
    /// <summary>Gets the default: stop once more than 20 % of at least 20 attempted rows failed.</summary>
    public static MigrationFailureThreshold Default { get; } = new() { MaxFailurePercent = 20 };

    /// <summary>Gets a threshold that never stops a run.</summary>
    public static MigrationFailureThreshold None { get; } = new();

    /// <summary>Gets how many failed rows are tolerated; one more stops the run. <see langword="null"/> for no limit; 0 stops at the first failure.</summary>
    public int? MaxFailures { get; init; }

    /// <summary>Gets the percentage (0–100) of failed attempted rows that is tolerated; more stops the run. <see langword="null"/> for no limit.</summary>
    public double? MaxFailurePercent { get; init; }

    /// <summary>Gets how many rows must have been attempted before <see cref="MaxFailurePercent"/> is checked. Defaults to 20.</summary>
    public int MinimumSample { get; init; } = 20;

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>();
        if (MaxFailures is { } count)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"more than {count} failures"));
        }

        if (MaxFailurePercent is { } percent)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"more than {percent} % failures after {MinimumSample} attempts"));
        }

        return parts.Count == 0 ? "never stop" : "stop at " + string.Join(" or ", parts);
    }

    internal void Validate()
    {
        if (MaxFailures is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFailures), MaxFailures, "MigrationFailureThreshold.MaxFailures must not be negative.");
        }

        if (MaxFailurePercent is { } percent && (double.IsNaN(percent) || percent is < 0 or > 100))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFailurePercent), MaxFailurePercent, "MigrationFailureThreshold.MaxFailurePercent must be between 0 and 100.");
        }

        if (MinimumSample < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumSample), MinimumSample, "MigrationFailureThreshold.MinimumSample must be at least 1.");
        }
    }

    internal bool IsPassed(long failures, long attempted)
    {
        if (MaxFailures is { } count && failures > count)
        {
            return true;
        }

        return MaxFailurePercent is { } percent && attempted >= MinimumSample && failures * 100.0 / attempted > percent;
    }
}
