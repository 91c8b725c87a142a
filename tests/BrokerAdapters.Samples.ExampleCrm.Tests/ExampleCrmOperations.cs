namespace BrokerAdapters.Samples.ExampleCrm.Tests;

/// <summary>
/// The names of Example CRM's operations, as <see cref="ExampleCrmEmulator"/> takes faults for them: pass one as the
/// <c>operation</c> of an <see cref="BrokerAdapters.Testing.EmulatorFaults"/> method to fault only that endpoint.
/// </summary>
public static class ExampleCrmOperations
{
    /// <summary><c>POST /v1/customers</c>: registration.</summary>
    public const string CreateCustomer = "POST /v1/customers";

    /// <summary><c>GET /v1/customers/{id}</c>: one customer by id.</summary>
    public const string GetCustomer = "GET /v1/customers/{id}";

    /// <summary><c>GET /v1/customers</c>: a search by email or phone, or a page of the list.</summary>
    public const string SearchCustomers = "GET /v1/customers";

    /// <summary><c>POST /v1/sessions</c>: sign-in.</summary>
    public const string CreateSession = "POST /v1/sessions";
}
