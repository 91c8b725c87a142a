using System.Security.Cryptography;
using System.Text;

namespace BrokerAdapters.Testing;

/// <summary>A customer stored by a <see cref="CmfblEmulator"/> company. Tests may change <see cref="Status"/> to lock or disable it.</summary>
public sealed class CmfblEmulatedCustomer
{
    internal const long DemoIdOffset = 1_000_000;

    private int _status = 1;

    internal CmfblEmulatedCustomer(long id, string customerNo, string passwordMd5)
    {
        Id = id;
        CustomerNo = customerNo;
        PasswordMd5 = passwordMd5;
    }

    /// <summary>Gets the customer id.</summary>
    public long Id { get; }

    /// <summary>Gets the customer number the emulator assigned.</summary>
    public string CustomerNo { get; }

    /// <summary>Gets the lower-case hex MD5 of the password, as received.</summary>
    public string PasswordMd5 { get; internal set; }

    /// <summary>Gets the phone area code, e.g. <c>+852</c>.</summary>
    public string PhoneArea { get; internal init; } = "+86";

    /// <summary>Gets the phone number.</summary>
    public string Phone { get; internal init; } = string.Empty;

    /// <summary>Gets the email address.</summary>
    public string? Email { get; internal init; }

    /// <summary>Gets the country code.</summary>
    public string Country { get; internal init; } = string.Empty;

    /// <summary>Gets the caller's identifier (<c>thirdServerCode</c>).</summary>
    public string? ThirdServerCode { get; internal init; }

    /// <summary>Gets the customer group id.</summary>
    public long CustomerGroupId { get; internal init; }

    /// <summary>Gets the registration source code (1–9).</summary>
    public int RegisterSource { get; internal init; }

    /// <summary>Gets the registration device.</summary>
    public string? RegisterDevice { get; internal init; }

    /// <summary>Gets the UTM parameters as received (<c>utmSource</c> … <c>utmTerm</c>).</summary>
    public IReadOnlyDictionary<string, string> Utm { get; internal init; } = new Dictionary<string, string>();

    /// <summary>Gets or sets the status: 1 normal, 2 disabled, 3 deleted, 4 cancelled, 5 locked, 6 cancelling.</summary>
    public int Status
    {
        get => Volatile.Read(ref _status);
        set => Volatile.Write(ref _status, value);
    }

    /// <summary>Gets the KYC status code.</summary>
    public int KycStatus { get; internal init; } = 1;

    /// <summary>Gets when the customer was created.</summary>
    public DateTimeOffset CreatedAt { get; internal init; }

    /// <summary>Gets when the customer last logged in.</summary>
    public DateTimeOffset? LastLoginAt { get; internal set; }

    /// <summary>Gets the real trading account.</summary>
    public CmfblEmulatedAccount RealAccount { get; internal init; } = null!;

    /// <summary>Gets the demo trading account, kept in the company's simulation side (<see cref="CmfblEmulatedCompany.DemoCompanyId"/>).</summary>
    public CmfblEmulatedAccount DemoAccount { get; internal init; } = null!;

    /// <summary>Gets the customer id on the demo side (CMFBL's associated account, <c>relationCustomerId</c>).</summary>
    public long DemoId => Id + DemoIdOffset;

    /// <summary>Gets the wrong passwords in a row since the last successful login.</summary>
    public int FailedLogins { get; internal set; }

    /// <summary>Tells whether <paramref name="password"/> is this customer's password.</summary>
    /// <param name="password">The plain-text password.</param>
    /// <returns><see langword="true"/> when its MD5 matches.</returns>
    public bool PasswordMatches(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
#pragma warning disable CA5351 // CMFBL's wire format is MD5.
        return string.Equals(PasswordMd5, Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(password))), StringComparison.Ordinal);
#pragma warning restore CA5351
    }
}
