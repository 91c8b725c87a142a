namespace BrokerAdapters;

/// <summary>One invalid input field.</summary>
/// <param name="Field">The field's path in the unified model, e.g. <c>Phone.Number</c>.</param>
/// <param name="Message">What is wrong with it. Never contains the field's value when that value is a secret.</param>
public sealed record FieldError(string Field, string Message);
