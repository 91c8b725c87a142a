namespace BrokerAdapters;

/// <summary>A login and a plain-text password. <see cref="ToString"/> never prints the password.</summary>
/// <param name="Login">Who signs in: by email, phone or customer number.</param>
/// <param name="Password">The plain-text password; the provider encodes it before it leaves the process.</param>
public sealed record CustomerCredentials(CustomerLookup Login, string Password)
{
    /// <inheritdoc />
    public override string ToString() => $"CustomerCredentials {{ Login = {Login}, Password = *** }}";
}
