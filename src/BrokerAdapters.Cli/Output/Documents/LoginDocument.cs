namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>What <c>login --json</c> prints. The tokens are secrets: only whether there is one is shown, as <c>***</c>.</summary>
internal sealed record LoginDocument(string Provider, string AccessToken, string? RefreshToken, CustomerDocument Customer)
{
    /// <summary>Maps a sign-in, masking its tokens.</summary>
    /// <param name="authenticated">The sign-in.</param>
    /// <returns>The document.</returns>
    public static LoginDocument From(AuthenticatedCustomer authenticated)
    {
        ArgumentNullException.ThrowIfNull(authenticated);
        return new(
            authenticated.Customer.Provider,
            SecretRedactor.Mask,
            authenticated.RefreshToken is null ? null : SecretRedactor.Mask,
            CustomerDocument.From(authenticated.Customer));
    }
}
