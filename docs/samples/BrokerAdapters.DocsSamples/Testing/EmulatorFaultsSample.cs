using System.Net;
using BrokerAdapters.Testing;

namespace BrokerAdapters.DocsSamples.Testing;

/// <summary>docs/testing.md, "Faults".</summary>
public static class EmulatorFaultsSample
{
    public static void Inject(ProviderEmulator emulator)
    {
        #region testing-faults
        emulator.Faults.FailNext(2, HttpStatusCode.ServiceUnavailable);                  // any operation
        emulator.Faults.FailNextWithCode(1, "GGATEWAY_CODE_018", operation: "customer.app.CustomerWebApiService.checkCustomerExist");
        emulator.Faults.MalformNext(1, MalformedBody.TruncatedJson);                     // Html, Empty, NotJson, NullData, …
        emulator.Faults.DropNextResponses(1, operation: "user/signup");                  // applied, then the connection drops
        emulator.Faults.Latency = TimeSpan.FromSeconds(2);                               // by the emulator's clock
        #endregion
    }
}
