namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>What <c>demo --json</c> prints for one provider: what each step did, and what did not go as expected.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Capabilities">Its capabilities, which decide the steps.</param>
/// <param name="Registered">The customers registered.</param>
/// <param name="DuplicateRefusedWith">The error kind and provider code the duplicate registration was refused with.</param>
/// <param name="Exists">What <c>exists</c> answered, or <see langword="null"/> when the provider does not offer it.</param>
/// <param name="Found">The customer found back, or <see langword="null"/>.</param>
/// <param name="LoggedIn">Whether a login succeeded, or <see langword="null"/> when the provider does not offer it.</param>
/// <param name="Listed">How many customers were listed, or <see langword="null"/> when the provider does not offer it.</param>
/// <param name="Failures">What did not behave as expected; empty when all did.</param>
internal sealed record DemoDocument(
    string Provider,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<CustomerDocument> Registered,
    string? DuplicateRefusedWith,
    bool? Exists,
    CustomerDocument? Found,
    bool? LoggedIn,
    int? Listed,
    IReadOnlyList<string> Failures);
