namespace BrokerAdapters.Testing;

/// <summary>The kinds of broken answer an emulator can be told to give.</summary>
public enum MalformedBody
{
    /// <summary>An HTML error page with status 200.</summary>
    Html,

    /// <summary>An empty body with status 200.</summary>
    Empty,

    /// <summary>The start of a valid answer, cut off.</summary>
    TruncatedJson,

    /// <summary>Text that is not JSON, served as <c>application/json</c>.</summary>
    NotJson,

    /// <summary>A success envelope whose <c>data</c> is <see langword="null"/>.</summary>
    NullData,

    /// <summary>A JSON array instead of an envelope.</summary>
    Array,

    /// <summary>An envelope without its <c>code</c>.</summary>
    MissingCode,

    /// <summary>A success envelope whose <c>data</c> has the wrong type (a string where an object or number belongs).</summary>
    WrongDataType,
}
