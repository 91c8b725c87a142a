namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>What <c>exists --json</c> prints.</summary>
internal sealed record ExistsDocument(string Provider, LookupDocument Lookup, bool Exists);
