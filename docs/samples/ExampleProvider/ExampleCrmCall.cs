namespace BrokerAdapters.Samples.ExampleCrm;

/// <summary>One kind of request: its name in messages, and whether it changes something at Example CRM.</summary>
/// <param name="Operation">The operation, e.g. <c>register</c>.</param>
/// <param name="IsWrite">Whether a lost answer leaves the outcome unknown (a customer may have been created).</param>
internal sealed record ExampleCrmCall(string Operation, bool IsWrite);
