using BrokerAdapters.Testing;
using BrokerAdapters.Tests.Emulators;

namespace BrokerAdapters.Tests.Telemetry;

/// <summary>The CMFBL <c>trace</c> header carries the current trace id, so that a request can be found in CMFBL's logs.</summary>
public sealed class CmfblTraceHeaderTests
{
    [Test]
    public async Task Within_a_trace_the_header_is_the_trace_id_and_a_per_request_part()
    {
        var emulator = new CmfblEmulator();
        using var host = TelemetryHost.For(emulator, emulator.AddCompany("360"));

        var recorded = await host.RecordAsync(() => host.Registry.FindAsync(CustomerLookup.ByNumber("123456")));

        var traces = emulator.Requests.Select(r => r.Header("trace")).ToArray();
        Assert.That(traces, Has.Length.EqualTo(2), "authentication and the page");
        Assert.That(traces, Has.All.Match($"^t-{recorded.Root.TraceId.ToHexString()}[0-9a-f]{{16}}$"));
        Assert.That(traces, Is.Unique);
    }

    [Test]
    public async Task In_encrypted_mode_the_prefix_still_says_encrypted()
    {
        var emulator = new CmfblEmulator();
        using var host = TelemetryHost.For(emulator, emulator.AddCompany("360"), configure: s => s["UserRegistry:Cmfbl:Encryption"] = "Rsa");

        var recorded = await host.RecordAsync(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("1")));

        var traceId = recorded.Root.TraceId.ToHexString();
        var traces = emulator.Requests.Select(r => r.Header("trace")).ToArray();
        Assert.That(traces, Has.Length.EqualTo(2));
        Assert.That(traces[0], Does.Match($"^t-{traceId}[0-9a-f]{{16}}$"), "authentication is never encrypted");
        Assert.That(traces[1], Does.Match($"^x-{traceId}[0-9a-f]{{16}}$"));
    }

    [Test]
    public async Task Without_a_trace_the_header_keeps_its_former_shape()
    {
        var emulator = new CmfblEmulator();
        using var registry = EmulatedRegistry.For(emulator, emulator.AddCompany("360"));

        await registry.Registry.ExistsAsync(CustomerLookup.ByNumber("1"));

        Assert.That(emulator.Requests.Select(r => r.Header("trace")), Has.All.Match("^t-[0-9a-f]{32}$"));
    }
}
