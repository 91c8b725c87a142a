namespace BrokerAdapters.Migration;

/// <summary>The customer a source customer becomes in the target, before the password policy adds a password.</summary>
internal static class MigrationDraft
{
    /// <summary>
    /// Copies every field the unified model can register. Provider-local fields are left to the target's defaults:
    /// the customer group (a source group id means nothing in another company or provider), ids, numbers, status,
    /// KYC and timestamps.
    /// </summary>
    public static NewCustomer From(Customer source) => new()
    {
        Email = CustomerKeys.Exact(source.Email),
        Phone = source.Phone is { Number.Length: > 0 } phone ? phone : null,
        Country = CustomerKeys.Exact(source.Country),
        Name = source.Name,
        BirthDate = source.BirthDate,
        Address = source.Address,
        Language = CustomerKeys.Exact(source.Language),
        TimeZone = CustomerKeys.Exact(source.TimeZone),
        Source = source.Source,
        ExternalId = CustomerKeys.Exact(source.ExternalId),
        Attribution = source.Attribution,
        ClientIp = CustomerKeys.Exact(source.ClientIp),
        Device = CustomerKeys.Exact(source.Device),
    };
}
