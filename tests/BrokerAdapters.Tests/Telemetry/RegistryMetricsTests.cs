using System.Diagnostics.Metrics;
using BrokerAdapters.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace BrokerAdapters.Tests.Telemetry;

public sealed class RegistryMetricsTests
{
    private const string Duration = "brokeradapters.operation.duration";
    private const string Outcomes = "brokeradapters.operation.outcomes";

    [Test]
    public async Task Operations_are_measured_on_the_application_meter_factory()
    {
        var emulator = new CmfblEmulator();
        using var host = TelemetryHost.For(emulator, emulator.AddCompany("360"), metrics: true);
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        using var durations = new MetricCollector<double>(factory, BrokerAdaptersTelemetry.MeterName, Duration);
        using var outcomes = new MetricCollector<long>(factory, BrokerAdaptersTelemetry.MeterName, Outcomes);

        await host.Registry.ExistsAsync(CustomerLookup.ByNumber("1"));
        await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.FindAsync(CustomerLookup.ByEmail("someone@example.com")));

        var success = new Dictionary<string, object?>
        {
            ["brokeradapters.provider"] = "Cmfbl",
            ["brokeradapters.operation"] = "exists",
            ["brokeradapters.outcome"] = "success",
        };
        var failure = new Dictionary<string, object?>
        {
            ["brokeradapters.provider"] = "Cmfbl",
            ["brokeradapters.operation"] = "find",
            ["brokeradapters.outcome"] = "failure",
            ["error.type"] = "NotSupported",
        };
        var counted = outcomes.GetMeasurementSnapshot();
        Assert.That(counted.Select(m => m.Value), Is.EqualTo(new[] { 1L, 1L }));
        Assert.That(counted[0].Tags, Is.EquivalentTo(success));
        Assert.That(counted[1].Tags, Is.EquivalentTo(failure));

        var timed = durations.GetMeasurementSnapshot();
        Assert.That(timed, Has.Count.EqualTo(2));
        Assert.That(timed[0].Tags, Is.EquivalentTo(success));
        Assert.That(timed[1].Tags, Is.EquivalentTo(failure));
        Assert.That(timed.Select(m => m.Value), Has.All.GreaterThanOrEqualTo(0d));
        Assert.That(durations.Instrument!.Unit, Is.EqualTo("s"));
    }

    [Test]
    public async Task A_recovered_registration_is_counted_as_recovered()
    {
        var emulator = new CmfblEmulator();
        using var host = TelemetryHost.For(emulator, emulator.AddCompany("360"), metrics: true);
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        using var outcomes = new MetricCollector<long>(factory, BrokerAdaptersTelemetry.MeterName, Outcomes);
        emulator.Faults.DropNextResponses(1, "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc");

        await host.Registry.RegisterAsync(FakeCustomers.Generate(1, seed: 5)[0]);

        var counted = outcomes.GetMeasurementSnapshot().Single();
        Assert.That(counted.Value, Is.EqualTo(1));
        Assert.That(counted.Tags, Is.EquivalentTo(new Dictionary<string, object?>
        {
            ["brokeradapters.provider"] = "Cmfbl",
            ["brokeradapters.operation"] = "register",
            ["brokeradapters.outcome"] = "recovered",
        }));
    }

    [Test]
    public async Task Without_AddMetrics_the_meter_factory_the_http_client_factory_registers_is_used()
    {
        var emulator = new McCrmEmulator();
        using var host = TelemetryHost.For(emulator, metrics: false);
        using var outcomes = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), BrokerAdaptersTelemetry.MeterName, Outcomes);

        await host.Registry.RegisterAsync(FakeCustomers.Generate(1, seed: 5)[0]);

        var counted = outcomes.GetMeasurementSnapshot().Single();
        Assert.That(counted.Value, Is.EqualTo(1));
        Assert.That(counted.Tags, Is.EquivalentTo(new Dictionary<string, object?>
        {
            ["brokeradapters.provider"] = "McCrm",
            ["brokeradapters.operation"] = "register",
            ["brokeradapters.outcome"] = "success",
        }));
    }
}
