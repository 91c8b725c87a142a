namespace BrokerAdapters.Cmfbl;

/// <summary>
/// Keeps the CMFBL admin token where every registry (and every application instance) configured for the same
/// company and app can find it. Register one as a service to replace the default, an in-memory store per
/// registry; <c>services.AddCmfblDistributedTokenStore()</c> registers one over <c>IDistributedCache</c>.
/// </summary>
/// <remarks>
/// The key names the Manager API, the company and the app id, never the app secret:
/// <c>BrokerAdapters:Cmfbl:AdminToken:{companyId}:{appId}:{managerApiUrl}</c>, the company and app id
/// escaped as URI data. The token is a secret: a store must not log it. The registry treats a store that throws
/// as empty and authenticates itself, so a store does not need to catch its own failures.
/// </remarks>
public interface ICmfblTokenStore
{
    /// <summary>Gets the token stored under <paramref name="key"/>.</summary>
    /// <param name="key">The key of the company and app.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored token, or <see langword="null"/> when there is none.</returns>
    Task<CmfblStoredToken?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="token"/> under <paramref name="key"/> until its <see cref="CmfblStoredToken.ExpiresAt"/>, replacing any other.</summary>
    /// <param name="key">The key of the company and app.</param>
    /// <param name="token">The token.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the token is stored.</returns>
    Task SetAsync(string key, CmfblStoredToken token, CancellationToken cancellationToken = default);

    /// <summary>Forgets the token stored under <paramref name="key"/>, e.g. after the app secret was reset.</summary>
    /// <param name="key">The key of the company and app.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when the token is gone.</returns>
    Task RemoveAsync(string key, CancellationToken cancellationToken = default);
}
