using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Testing.Support;

/// <summary>Compares JSON as parsed values, so member order and white space do not matter.</summary>
internal static class JsonAssert
{
    public static void AreEqual(JToken expected, JToken actual)
    {
        if (!JToken.DeepEquals(expected, actual))
        {
            Assert.Fail($"JSON differs.{Environment.NewLine}Expected: {expected.ToString(Formatting.None)}{Environment.NewLine}Actual:   {actual.ToString(Formatting.None)}");
        }
    }
}
