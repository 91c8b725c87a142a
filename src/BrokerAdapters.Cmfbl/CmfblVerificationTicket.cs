namespace BrokerAdapters.Cmfbl;

/// <summary>
/// A verification code sent for self-registration: where it went and CMFBL's ticket for it, both needed to register
/// with the code (<see cref="ICmfblUserRegistry.RegisterWithCodeAsync"/>). An application that registers in two
/// requests keeps these two values between them. <see cref="ToString"/> never prints the ticket.
/// </summary>
public sealed record CmfblVerificationTicket
{
    /// <summary>Creates a ticket.</summary>
    /// <param name="recipient">The customer's phone or email the code was sent to.</param>
    /// <param name="sendToken">CMFBL's ticket for the code (<c>data.token</c> of the send answer).</param>
    public CmfblVerificationTicket(CustomerLookup recipient, string sendToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentException.ThrowIfNullOrEmpty(sendToken);
        if (recipient.Kind is not (CustomerLookupKind.Email or CustomerLookupKind.Phone))
        {
            throw new ArgumentException("A verification code goes to an email or a phone.", nameof(recipient));
        }

        Recipient = recipient;
        SendToken = sendToken;
    }

    /// <summary>Gets the phone or email the code was sent to; it becomes the customer's login.</summary>
    public CustomerLookup Recipient { get; init; }

    /// <summary>Gets CMFBL's ticket for the code (<c>sendToken</c> of the registration). A secret.</summary>
    public string SendToken { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"CmfblVerificationTicket {{ Recipient = {Recipient}, SendToken = *** }}";
}
