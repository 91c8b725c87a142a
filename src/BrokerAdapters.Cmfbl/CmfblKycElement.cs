namespace BrokerAdapters.Cmfbl;

/// <summary>One piece of information a KYC level asks for (an entry of <c>elementList</c>).</summary>
public sealed record CmfblKycElement
{
    /// <summary>Gets the element code (<c>elementCode</c>).</summary>
    public string? Code { get; init; }

    /// <summary>Gets the element name (<c>elementName</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Gets how the element is shown (<c>showType</c>).</summary>
    public string? ShowType { get; init; }

    /// <summary>Gets the element's extended attribute (<c>extend</c>).</summary>
    public string? Extend { get; init; }

    /// <summary>Gets the element's value (<c>elementValue</c>).</summary>
    public string? Value { get; init; }

    /// <summary>Gets the element's values when it is a combination (<c>elementValueInputGroup</c>).</summary>
    public string? ValueInputGroup { get; init; }

    /// <summary>Gets the element's codes when it is a combination (<c>elementCodeInputGroup</c>).</summary>
    public string? CodeInputGroup { get; init; }
}
