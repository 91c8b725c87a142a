namespace BrokerAdapters.Migration;

/// <summary>One line of the mapping: which target customer a source customer became.</summary>
/// <param name="SourceKey">The source customer's <see cref="Customer.Id"/>.</param>
/// <param name="SourceNumber">The source customer's number, when it had one.</param>
/// <param name="TargetId">The target customer's id; <see langword="null"/> when the customer was found to exist by a lookup that does not return it.</param>
/// <param name="TargetNumber">The target customer's number, when known.</param>
/// <param name="Created"><see langword="true"/> when a migration run registered the customer; <see langword="false"/> when it existed already.</param>
public sealed record MigrationMappingEntry(string SourceKey, string? SourceNumber, string? TargetId, string? TargetNumber, bool Created);
