namespace BrokerAdapters.Cmfbl;

/// <summary>
/// The CMFBL registry with the operations only CMFBL has. Resolve it from DI next to <see cref="IUserRegistry"/>
/// when the registry's provider is <c>Cmfbl</c>.
/// </summary>
public interface ICmfblUserRegistry : IUserRegistry
{
    /// <summary>Lists the company's customer groups.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The groups.</returns>
    /// <exception cref="UserRegistryException">The provider failed.</exception>
    Task<IReadOnlyList<CmfblCustomerGroup>> GetCustomerGroupsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one section of a customer's detail as the raw JSON CMFBL sends (<c>data</c> of the answer).</summary>
    /// <param name="id">The customer id (<see cref="Customer.Id"/>).</param>
    /// <param name="number">The customer number (<see cref="Customer.Number"/>).</param>
    /// <param name="section">The section.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The section's JSON, or <see langword="null"/> when CMFBL returns none.</returns>
    /// <exception cref="UserRegistryException">The provider failed.</exception>
    Task<string?> GetCustomerDetailJsonAsync(string id, string number, CmfblDetailSection section, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a self-registration verification code (Client API <c>verifyCodeSend</c>) by SMS to the customer's phone or
    /// by email, the first step of <see cref="RegisterWithCodeAsync"/>. CMFBL allows a few codes per recipient and half
    /// hour.
    /// </summary>
    /// <param name="customer">The customer who will register; the chosen login must be set, its country is sent when set.</param>
    /// <param name="login"><see cref="CustomerLookupKind.Phone"/> (SMS) or <see cref="CustomerLookupKind.Email"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Where the code went and CMFBL's ticket for it.</returns>
    /// <exception cref="UserRegistryException">The input is invalid (before any call), <see cref="CmfblOptions.ClientBaseUrl"/> is not set, or the provider failed.</exception>
    Task<CmfblVerificationTicket> SendRegistrationCodeAsync(NewCustomer customer, CustomerLookupKind login, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers a customer through the Client API's self-registration (<c>register</c>) with the code it received. The
    /// login is the phone or email of <paramref name="ticket"/>; the customer's other contact cannot be sent and must
    /// be left out; <see cref="NewCustomer.ClientIp"/> is required (sent as <c>X-Forwarded-For</c>). The customer is
    /// not signed in.
    /// </summary>
    /// <param name="customer">The customer: login, password, country, client IP, and the optional fields registration takes.</param>
    /// <param name="ticket">The ticket <see cref="SendRegistrationCodeAsync"/> returned.</param>
    /// <param name="verificationCode">The code the customer received.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new customer and the KYC levels CMFBL asks it to complete.</returns>
    /// <exception cref="UserRegistryException">
    /// The input is invalid (before any call); the code is wrong or expired (<see cref="UserRegistryErrorKind.InvalidInput"/>
    /// on <c>VerificationCode</c>); the login exists; the answer was lost (<see cref="UserRegistryErrorKind.OutcomeUnknown"/>
    /// with the login as reconciliation lookup); or the provider failed.
    /// </exception>
    Task<CmfblSelfRegistration> RegisterWithCodeAsync(NewCustomer customer, CmfblVerificationTicket ticket, string verificationCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs a customer in through the Client API's login and returns the session: the customer, the client token, the
    /// company and side (real or demo) it is on, and its trading accounts.
    /// </summary>
    /// <param name="credentials">The login (email, phone or number) and password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session.</returns>
    /// <exception cref="UserRegistryException">The input is invalid, the credentials are refused, <see cref="CmfblOptions.ClientBaseUrl"/> is not set, or the provider failed.</exception>
    Task<CmfblCustomerSession> SignInAsync(CustomerCredentials credentials, CancellationToken cancellationToken = default);

    /// <summary>Exchanges the session's client token for the final access key (Client API <c>thirdExt/randomKey</c>).</summary>
    /// <param name="session">The session.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The access key. A secret.</returns>
    /// <exception cref="UserRegistryException">The session is refused (e.g. expired), <see cref="CmfblOptions.ClientBaseUrl"/> is not set, or the provider failed.</exception>
    Task<string> GetAccessKeyAsync(CmfblCustomerSession session, CancellationToken cancellationToken = default);

    /// <summary>
    /// Switches the session between the customer's real and simulated (demo) account (Client API
    /// <c>thirdExt/switchAccount</c>) and returns the session on the other side: its new client token, its company
    /// (CMFBL keeps demo accounts in an associated company), side and trading accounts, as the answer describes them.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session on the other side; the one passed in is no longer used.</returns>
    /// <exception cref="UserRegistryException">The session is refused, the customer has no account on the other side, <see cref="CmfblOptions.ClientBaseUrl"/> is not set, or the provider failed.</exception>
    Task<CmfblCustomerSession> SwitchAccountAsync(CmfblCustomerSession session, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resets the session's simulated (demo) account to its initial state (Client API
    /// <c>CustomerDubboApiService.resetAccount</c>). Only a session on the demo side can: switch to it first.
    /// </summary>
    /// <param name="session">A session on the demo side.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when CMFBL accepted the reset.</returns>
    /// <exception cref="UserRegistryException">
    /// The session is on a real account (<see cref="UserRegistryErrorKind.Forbidden"/>, <c>USCUSTOMER_API_0000008</c>), a
    /// reset is under way (<see cref="UserRegistryErrorKind.RateLimited"/>, <c>USCUSTOMER_API_0000009</c>), the session is
    /// refused, <see cref="CmfblOptions.ClientBaseUrl"/> is not set, or the provider failed.
    /// </exception>
    Task ResetDemoAccountAsync(CmfblCustomerSession session, CancellationToken cancellationToken = default);

    /// <summary>Lists a customer's trading accounts of one trade type with the admin token (Manager API <c>queryAccountList</c>).</summary>
    /// <param name="customerNumber">The customer number (<see cref="Customer.Number"/>).</param>
    /// <param name="tradeType">The trade type code, e.g. <c>1</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The accounts; their <see cref="TradingAccount.Mode"/> is not known here.</returns>
    /// <exception cref="UserRegistryException">The input is invalid (before any call) or the provider failed.</exception>
    Task<IReadOnlyList<TradingAccount>> GetTradingAccountsAsync(string customerNumber, int tradeType, CancellationToken cancellationToken = default);
}
