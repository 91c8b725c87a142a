namespace BrokerAdapters.Migration;

/// <summary>One field that differs between a source and a target customer, with both original (not normalised) values.</summary>
/// <param name="Field">The field's path in the unified model, e.g. <c>Name.Family</c>, <c>Phone</c> or <c>Extra.companyId</c>.</param>
/// <param name="SourceValue">The source's value as text, or <see langword="null"/> when it has none.</param>
/// <param name="TargetValue">The target's value as text, or <see langword="null"/> when it has none.</param>
public sealed record FieldDifference(string Field, string? SourceValue, string? TargetValue);
