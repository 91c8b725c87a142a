using System.Security.Cryptography;
using System.Text;

namespace BrokerAdapters.Testing;

/// <summary>A user stored by a <see cref="McCrmEmulator"/>. The password is kept only as a salted hash.</summary>
public sealed class McCrmEmulatedUser
{
    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(16);
    private readonly byte[] _passwordHash;

    internal McCrmEmulatedUser(long id, string uid, string bizCode, string password)
    {
        Id = id;
        Uid = uid;
        BizCode = bizCode;
        _passwordHash = Hash(password);
    }

    /// <summary>Gets the primary key.</summary>
    public long Id { get; }

    /// <summary>Gets the user's UUID (32 hex digits), the key of <c>query/uid</c>.</summary>
    public string Uid { get; }

    /// <summary>Gets the business code (customer number) the emulator assigned.</summary>
    public string BizCode { get; }

    /// <summary>Gets the caller's identifier (<c>userId</c>).</summary>
    public string? UserId { get; internal init; }

    /// <summary>Gets the user name.</summary>
    public string? UserName { get; internal init; }

    /// <summary>Gets the email address.</summary>
    public string? Email { get; internal init; }

    /// <summary>Gets the phone prefix digits, e.g. <c>852</c>.</summary>
    public string? PhoneNumberPrefix { get; internal init; }

    /// <summary>Gets the phone number.</summary>
    public string? PhoneNumber { get; internal init; }

    /// <summary>Gets the country id, e.g. <c>HK</c>.</summary>
    public string? CountryId { get; internal init; }

    /// <summary>Gets the time zone, e.g. <c>UTC+8:00</c>.</summary>
    public string? TimeZone { get; internal init; }

    /// <summary>Gets the registration IP.</summary>
    public string? RegisterIp { get; internal init; }

    /// <summary>Gets the date of birth as sent.</summary>
    public string? DateOfBirth { get; internal init; }

    /// <summary>Gets the address line.</summary>
    public string? Address { get; internal init; }

    /// <summary>Gets the city.</summary>
    public string? City { get; internal init; }

    /// <summary>Gets the postal code.</summary>
    public string? PostalCode { get; internal init; }

    /// <summary>Gets or sets the status: 1 enabled, 0 disabled.</summary>
    public int Status { get; set; } = 1;

    /// <summary>Gets when the user was created.</summary>
    public DateTimeOffset CreatedAt { get; internal init; }

    /// <summary>Tells whether <paramref name="password"/> is the password the user signed up with (after decryption).</summary>
    /// <param name="password">The plain-text password.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool PasswordMatches(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return CryptographicOperations.FixedTimeEquals(_passwordHash, Hash(password));
    }

    /// <summary>Gets a hex digest of the stored hash, as MC-CRM shows a password in its answers.</summary>
    internal string PasswordDigest => Convert.ToHexStringLower(_passwordHash)[..48];

    private byte[] Hash(string password) => SHA256.HashData([.. _salt, .. Encoding.UTF8.GetBytes(password)]);
}
