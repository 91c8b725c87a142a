namespace BrokerAdapters.Cmfbl;

/// <summary>Whether a customer session, and the trading accounts it holds, is on the real or the simulated (demo) side.</summary>
/// <remarks>
/// CMFBL keeps demo accounts in a simulation company associated with the real one; a customer with both moves
/// between them with <see cref="ICmfblUserRegistry.SwitchAccountAsync"/>.
/// </remarks>
public enum CmfblAccountMode
{
    /// <summary>Real money (CMFBL company type <c>real</c>, customer type 0).</summary>
    Real,

    /// <summary>Simulated money (CMFBL company type <c>demo</c>, customer type 1); it can be reset.</summary>
    Demo,
}
