using BrokerAdapters.Internal;

namespace BrokerAdapters.Cmfbl;

/// <summary>The CMFBL registry with its operations, the CMFBL-only ones included, in spans and measurements.</summary>
internal sealed class CmfblTelemetryUserRegistry(CmfblUserRegistry inner, ProviderTelemetry telemetry)
    : TelemetryUserRegistry(inner, telemetry), ICmfblUserRegistry
{
    public const string GetCustomerGroups = "get_customer_groups";
    public const string GetCustomerDetail = "get_customer_detail";
    public const string SendRegistrationCode = "send_registration_code";
    public const string RegisterWithCode = "register_with_code";
    public const string SignIn = "sign_in";
    public const string GetAccessKey = "get_access_key";
    public const string SwitchAccount = "switch_account";
    public const string ResetDemoAccount = "reset_demo_account";
    public const string GetTradingAccounts = "get_trading_accounts";

    public Task<IReadOnlyList<CmfblCustomerGroup>> GetCustomerGroupsAsync(CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(Provider, GetCustomerGroups, () => inner.GetCustomerGroupsAsync(cancellationToken));

    public Task<string?> GetCustomerDetailJsonAsync(string id, string number, CmfblDetailSection section, CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(Provider, GetCustomerDetail, () => inner.GetCustomerDetailJsonAsync(id, number, section, cancellationToken));

    public Task<CmfblVerificationTicket> SendRegistrationCodeAsync(NewCustomer customer, CustomerLookupKind login, CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(Provider, SendRegistrationCode, () => inner.SendRegistrationCodeAsync(customer, login, cancellationToken));

    public Task<CmfblSelfRegistration> RegisterWithCodeAsync(
        NewCustomer customer, CmfblVerificationTicket ticket, string verificationCode, CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(Provider, RegisterWithCode, () => inner.RegisterWithCodeAsync(customer, ticket, verificationCode, cancellationToken));

    public Task<CmfblCustomerSession> SignInAsync(CustomerCredentials credentials, CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(Provider, SignIn, () => inner.SignInAsync(credentials, cancellationToken));

    public Task<string> GetAccessKeyAsync(CmfblCustomerSession session, CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(Provider, GetAccessKey, () => inner.GetAccessKeyAsync(session, cancellationToken));

    public Task<CmfblCustomerSession> SwitchAccountAsync(CmfblCustomerSession session, CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(Provider, SwitchAccount, () => inner.SwitchAccountAsync(session, cancellationToken));

    public Task ResetDemoAccountAsync(CmfblCustomerSession session, CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(Provider, ResetDemoAccount, async () =>
        {
            await inner.ResetDemoAccountAsync(session, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task<IReadOnlyList<TradingAccount>> GetTradingAccountsAsync(string customerNumber, int tradeType, CancellationToken cancellationToken = default) =>
        Telemetry.RunAsync(Provider, GetTradingAccounts, () => inner.GetTradingAccountsAsync(customerNumber, tradeType, cancellationToken));
}
