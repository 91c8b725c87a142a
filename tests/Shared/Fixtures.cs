using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Testing.Support;

/// <summary>Reads the wire fixtures under <c>contracts/{provider}/examples/</c>, copied next to the tests.</summary>
internal static class Fixtures
{
    public static string Text(string provider, string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "contracts", provider, "examples", file));

    public static JToken Json(string provider, string file) => JToken.Parse(Text(provider, file));
}
