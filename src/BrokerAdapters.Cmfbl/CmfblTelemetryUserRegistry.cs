using BrokerAdapters.Internal;

namespace BrokerAdapters.Cmfbl;

/// <summary>The CMFBL registry with its operations, the CMFBL-only ones included, in spans and measurements.</summary>
internal sealed class CmfblTelemetryUserRegistry(CmfblUserRegistry inner, ProviderTelemetry telemetry)
    : TelemetryUserRegistry(inner, telemetry), ICmfblUserRegistry
{
    public const string GetCustomerGroups = "get_customer_groups";
    public const string GetCustomerDetail = "get_customer_detail";

    public Task<IReadOnlyList<CmfblCustomerGroup>> GetCustomerGroupsAsync(CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(Provider, GetCustomerGroups, () => inner.GetCustomerGroupsAsync(cancellationToken));

    public Task<string?> GetCustomerDetailJsonAsync(string id, string number, CmfblDetailSection section, CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(Provider, GetCustomerDetail, () => inner.GetCustomerDetailJsonAsync(id, number, section, cancellationToken));
}
