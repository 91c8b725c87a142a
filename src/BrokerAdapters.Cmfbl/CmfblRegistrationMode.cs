namespace BrokerAdapters.Cmfbl;

/// <summary>Which CMFBL API <see cref="IUserRegistry.RegisterAsync"/> creates customers with.</summary>
public enum CmfblRegistrationMode
{
    /// <summary>
    /// The Manager API's admin registration (<c>addCusAndOpenAccountAndKyc</c>) with the admin token: no verification
    /// code, the phone is required. The default.
    /// </summary>
    Admin,

    /// <summary>
    /// The Client API's self-registration (<c>register</c>): a verification code is sent to the customer's phone (or
    /// email when it has no phone) and <see cref="IUserRegistry.RegisterAsync"/> asks the
    /// <see cref="ICmfblVerificationCodeSource"/> service for the code the customer received. Without that service
    /// <see cref="IUserRegistry.RegisterAsync"/> is not offered; <see cref="ICmfblUserRegistry.SendRegistrationCodeAsync"/>
    /// and <see cref="ICmfblUserRegistry.RegisterWithCodeAsync"/> always are. Needs <see cref="CmfblOptions.ClientBaseUrl"/>.
    /// </summary>
    SelfService,
}
