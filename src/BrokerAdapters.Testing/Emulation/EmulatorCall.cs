namespace BrokerAdapters.Testing;

/// <summary>A request as an emulator's dispatcher sees it.</summary>
internal sealed class EmulatorCall
{
    public required string Operation { get; init; }

    public required string Path { get; init; }

    public required HttpMethod Method { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required string Body { get; init; }

    public required EmulatorRequest Record { get; set; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
