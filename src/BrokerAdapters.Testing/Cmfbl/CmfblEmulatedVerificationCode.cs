namespace BrokerAdapters.Testing;

/// <summary>
/// A verification code a <see cref="CmfblEmulator"/> company "sent" (<c>verifyCodeSend</c>): what a customer would have
/// received by SMS or email. Tests read <see cref="Code"/> to complete a registration as the customer would.
/// </summary>
public sealed class CmfblEmulatedVerificationCode
{
    private int _failedAttempts;
    private int _used;

    internal CmfblEmulatedVerificationCode(string recipient, string bizType, string code, string sendToken, DateTimeOffset sentAt, DateTimeOffset expiresAt)
    {
        Recipient = recipient;
        BizType = bizType;
        Code = code;
        SendToken = sendToken;
        SentAt = sentAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the recipient as sent (<c>toUser</c>): an email, or a phone as <c>+852 98763237</c>.</summary>
    public string Recipient { get; }

    /// <summary>Gets the business type, e.g. <c>SMS_REGISTER_VERIFICATION_CODE</c>.</summary>
    public string BizType { get; }

    /// <summary>Gets the six-digit code.</summary>
    public string Code { get; }

    /// <summary>Gets the ticket the send answered (<c>data.token</c>), which the registration sends as <c>sendToken</c>.</summary>
    public string SendToken { get; }

    /// <summary>Gets when the code was sent.</summary>
    public DateTimeOffset SentAt { get; }

    /// <summary>Gets when the code stops being accepted.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Gets whether a registration used the code (a code is used once).</summary>
    public bool IsUsed => Volatile.Read(ref _used) == 1;

    /// <summary>Gets how many registrations were refused with this ticket.</summary>
    public int FailedAttempts => Volatile.Read(ref _failedAttempts);

    internal void MarkUsed() => Volatile.Write(ref _used, 1);

    internal int Fail() => Interlocked.Increment(ref _failedAttempts);
}
