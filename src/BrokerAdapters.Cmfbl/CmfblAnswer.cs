using System.Net;
using BrokerAdapters.Internal;
using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cmfbl;

/// <summary>
/// The <c>data</c> of a successful answer: already of the expected type (<see cref="Value"/>) when the body could be
/// read straight into it, else as the JSON tree (<see cref="Tree"/>) that <see cref="CmfblApiClient.ReadData{T}"/> reads.
/// </summary>
/// <typeparam name="T">The data's wire type.</typeparam>
internal readonly record struct CmfblAnswer<T>(T? Value, JToken? Tree, HttpStatusCode Status, ProviderCall Call)
    where T : class
{
    /// <summary>Gets whether the answer carries no data (absent or JSON <c>null</c>).</summary>
    public bool IsEmpty => Value is null && (Tree is null || Tree.Type == JTokenType.Null);

    /// <summary>The data; a protocol error when there is none or it does not have the expected shape.</summary>
    public T Read() => Value ?? CmfblApiClient.ReadData<T>(Tree, Status, Call);
}
