using Microsoft.Extensions.Logging;

namespace BrokerAdapters.DocsSamples.Reliability;

/// <summary>Where an application keeps registrations to check later; an application's own service.</summary>
public interface IReconciliationQueue
{
    Task EnqueueAsync(IReadOnlyList<CustomerLookup> lookups, string? traceId, CancellationToken cancellationToken);
}

/// <summary>docs/reliability.md, "Registration: never twice, never lost".</summary>
public static class RegistrationReconciliation
{
    public static async Task RegisterAsync(
        IUserRegistry registry,
        NewCustomer customer,
        ILogger logger,
        IReconciliationQueue reconciliation,
        CancellationToken cancellationToken)
    {
        #region reliability-outcome-unknown
        try
        {
            var registration = await registry.RegisterAsync(customer, cancellationToken);
            if (registration.IsRecovered)
            {
                logger.LogInformation("Registered {Number} (answer lost, found by checking)", registration.Customer.Number);
            }
        }
        catch (UserRegistryException ex) when (ex.Kind == UserRegistryErrorKind.OutcomeUnknown)
        {
            await reconciliation.EnqueueAsync(ex.ReconciliationLookups, ex.TraceId, cancellationToken);
        }
        catch (UserRegistryException ex) when (ex.IsRetryable)
        {
            // Nothing was applied: safe to try again later, after ex.RetryAfter when it is set.
        }
        #endregion
    }
}
