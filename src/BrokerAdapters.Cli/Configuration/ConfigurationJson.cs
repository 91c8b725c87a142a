using System.Globalization;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Configuration;

/// <summary>Turns flat configuration keys (<c>UserRegistry:Cmfbl:BaseUrl</c>) into the nested JSON of an <c>appsettings.json</c>.</summary>
internal static class ConfigurationJson
{
    /// <summary>Nests the settings, shallow keys first; a path segment that is a number makes its parent an array.</summary>
    /// <param name="settings">Configuration keys and values.</param>
    /// <returns>The JSON object.</returns>
    public static JObject ToJson(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = new JObject();
        foreach (var (key, value) in settings.OrderBy(s => s.Key.Count(c => c == ':')).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            var segments = key.Split(':');
            JContainer parent = root;
            for (var i = 0; i < segments.Length; i++)
            {
                var last = i == segments.Length - 1;
                var nextIsIndex = !last && IsIndex(segments[i + 1]);
                JToken child = last ? new JValue(value) : nextIsIndex ? new JArray() : new JObject();
                parent = Descend(parent, segments[i], child, last);
            }
        }

        return root;
    }

    private static JContainer Descend(JContainer parent, string segment, JToken child, bool last)
    {
        if (parent is JArray array)
        {
            var index = int.Parse(segment, CultureInfo.InvariantCulture);
            while (array.Count <= index)
            {
                array.Add(JValue.CreateNull());
            }

            if (last || array[index] is not JContainer existing)
            {
                array[index] = child;
                return child as JContainer ?? array;
            }

            return existing;
        }

        var obj = (JObject)parent;
        if (last || obj[segment] is not JContainer found)
        {
            obj[segment] = child;
            return child as JContainer ?? obj;
        }

        return found;
    }

    private static bool IsIndex(string segment) =>
        segment.Length > 0 && segment.All(char.IsAsciiDigit) && segment.Length < 6;
}
