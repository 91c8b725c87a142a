namespace BrokerAdapters.Cmfbl;

/// <summary>
/// The <see cref="ICmfblTokenStore"/> key of a company and app:
/// <c>BrokerAdapters:Cmfbl:AdminToken:{companyId}:{appId}:{managerApiUrl}</c>. It never contains the app secret.
/// </summary>
internal static class CmfblTokenStoreKey
{
    public const string Prefix = "BrokerAdapters:Cmfbl:AdminToken:";

    /// <param name="managerBase">The Manager API URL, e.g. <c>https://api.example.com/openapi-b</c>.</param>
    /// <param name="companyId">The company id.</param>
    /// <param name="appId">The app id.</param>
    public static string For(string managerBase, string companyId, string appId)
    {
        // Escaped, so that a ':' inside an id cannot make two companies or apps share a key; the URL comes last and
        // keeps its colons. Uri lower-cases the scheme and host and drops a default port.
        var url = Uri.TryCreate(managerBase, UriKind.Absolute, out var uri) ? uri.AbsoluteUri.TrimEnd('/') : managerBase;
        return Prefix + Uri.EscapeDataString(companyId) + ":" + Uri.EscapeDataString(appId) + ":" + url;
    }
}
