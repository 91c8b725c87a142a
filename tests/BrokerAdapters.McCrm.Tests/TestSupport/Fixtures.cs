using Newtonsoft.Json.Linq;

namespace BrokerAdapters.McCrm.Tests.TestSupport;

/// <summary>Reads the wire examples in <c>contracts/mccrm/examples</c>, copied beside the test assembly.</summary>
internal static class Fixtures
{
    public const string PasswordPlaceholder = "<rsa-ciphertext-base64: random per call, checked by decrypting>";

    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "contracts", "mccrm", "examples", name));

    public static JObject Json(string name) => JObject.Parse(Read(name));
}
