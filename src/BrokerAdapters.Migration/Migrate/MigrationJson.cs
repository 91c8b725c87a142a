using Newtonsoft.Json;

namespace BrokerAdapters.Migration;

/// <summary>The JSON settings of the migration's files: compact, no nulls, ISO dates, dates read as offsets.</summary>
internal static class MigrationJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        DateFormatHandling = DateFormatHandling.IsoDateFormat,
        Formatting = Formatting.None,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    };

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    public static T? Deserialize<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings);
}
