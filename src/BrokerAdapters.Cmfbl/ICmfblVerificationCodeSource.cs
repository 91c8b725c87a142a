namespace BrokerAdapters.Cmfbl;

/// <summary>
/// Supplies the verification code a customer received, for <see cref="IUserRegistry.RegisterAsync"/> when
/// <see cref="CmfblOptions.RegistrationMode"/> is <see cref="CmfblRegistrationMode.SelfService"/>. Register one in DI
/// (keyed like the registry, or not keyed for every CMFBL registry); for example, one that prompts the person at a
/// console, or waits for the code a web form posts.
/// </summary>
public interface ICmfblVerificationCodeSource
{
    /// <summary>Returns the code CMFBL sent to <see cref="CmfblVerificationTicket.Recipient"/>.</summary>
    /// <param name="ticket">Where the code went; its <see cref="CmfblVerificationTicket.SendToken"/> is a secret.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The code, as the customer typed it.</returns>
    ValueTask<string> GetCodeAsync(CmfblVerificationTicket ticket, CancellationToken cancellationToken = default);
}
