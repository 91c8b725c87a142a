namespace BrokerAdapters.Testing;

/// <summary>A customer group of an emulated CMFBL company.</summary>
/// <param name="Id">The group id.</param>
/// <param name="Name">The group name.</param>
/// <param name="TradeType">The trade type code.</param>
/// <param name="Assets">The currencies, comma-separated.</param>
public sealed record CmfblEmulatedGroup(long Id, string Name, int TradeType, string Assets);
