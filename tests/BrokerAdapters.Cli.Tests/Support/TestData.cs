using System.Globalization;

namespace BrokerAdapters.Cli.Tests.Support;

/// <summary>Unique customer data, so that tests can share a sandbox and run in parallel.</summary>
internal static class TestData
{
    public const string Password = "Correct-h0rse-b4tt";

    private static int _next = Random.Shared.Next(100_000, 500_000);

    /// <summary>A Hong Kong mobile number nobody else uses, as typed on the command line: <c>+852 98xxxxxx</c>.</summary>
    public static string Phone(out string national)
    {
        national = "98" + Interlocked.Increment(ref _next).ToString("D6", CultureInfo.InvariantCulture);
        return "+852 " + national;
    }

    /// <summary>An email address nobody else uses.</summary>
    public static string Email() => $"cli.{Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture)}@example.com";

    /// <summary>The <c>register</c> arguments of a valid, unique customer.</summary>
    public static string[] RegisterArgs(out string email, out string phoneNational)
    {
        email = Email();
        var phone = Phone(out phoneNational);
        return ["register", "--email", email, "--phone", phone, "--country", "HK", "--given-name", "Ann", "--family-name", "Lee", "--password-stdin"];
    }
}
