namespace BrokerAdapters.DocsSamples.GettingStarted;

/// <summary>docs/getting-started.md, "Handling errors".</summary>
public static class SignupErrors
{
    public static async Task<string> SignUpAsync(IUserRegistry registry, NewCustomer customer, CancellationToken cancellationToken)
    {
        #region getting-started-errors
        try
        {
            var registration = await registry.RegisterAsync(customer, cancellationToken);
            return $"Welcome, customer {registration.Customer.Number}.";
        }
        catch (UserRegistryException ex)
        {
            // Log ex itself: its ToString() has Kind, Provider, ProviderCode, TraceId and HttpStatus, never a secret.
            return ex.Kind switch
            {
                UserRegistryErrorKind.InvalidInput =>
                    "Please correct: " + string.Join("; ", ex.FieldErrors.Select(error => $"{error.Field} {error.Message}")),
                UserRegistryErrorKind.AlreadyExists => "You are registered already: sign in instead.",
                // The customer may exist: reconcile with ex.ReconciliationLookups, never register again blindly.
                UserRegistryErrorKind.OutcomeUnknown => "We are checking your registration and will come back to you.",
                // RateLimited, Timeout, Unavailable: nothing was created, a later call can succeed (ex.RetryAfter).
                _ when ex.IsRetryable => "Please try again in a minute.",
                // Unauthorized, Forbidden, NotSupported, ProtocolError…: the application's set-up, not the customer.
                _ => "Registration is not available right now.",
            };
        }
        #endregion
    }
}
