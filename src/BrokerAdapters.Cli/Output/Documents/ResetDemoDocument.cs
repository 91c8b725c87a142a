namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>What <c>reset-demo --json</c> prints: whose demo account was reset, in which company, and its accounts.</summary>
internal sealed record ResetDemoDocument(string Provider, string? CustomerNumber, string CompanyId, bool Switched, IReadOnlyList<string> AccountIds);
