namespace BrokerAdapters.DocsSamples.SwitchingProviders;

/// <summary>docs/switching-providers.md, "Code that works on every provider".</summary>
public static class CapabilityChecks
{
    public static async Task<bool?> IsEmailTakenAsync(IUserRegistry registry, string email, CancellationToken cancellationToken)
    {
        #region switching-capabilities
        if (!registry.Descriptor.Supports(UserRegistryCapabilities.Exists, CustomerLookupKind.Email))
        {
            return null;   // this provider cannot tell: the registration itself will answer AlreadyExists
        }

        return await registry.ExistsAsync(CustomerLookup.ByEmail(email), cancellationToken);
        #endregion
    }
}
