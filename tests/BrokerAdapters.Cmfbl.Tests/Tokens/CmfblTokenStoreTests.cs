using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BrokerAdapters.Cmfbl.Tests.Tokens;

/// <summary>The token stores on their own: the default one in memory and the one over IDistributedCache.</summary>
public sealed class CmfblTokenStoreTests
{
    private const string Key = "BrokerAdapters:Cmfbl:AdminToken:360:app-1:https://cmfbl.test/openapi-b";
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static CmfblStoredToken Token(string token = "secret-token-1", string? publicKey = "MIGfMA0GCSq", TimeSpan? lifetime = null) =>
        new(token, publicKey, Now, Now + (lifetime ?? TimeSpan.FromHours(1)));

    [Test]
    public async Task The_memory_store_keeps_one_token_per_key_until_removed()
    {
        var store = new CmfblMemoryTokenStore(new FakeTimeProvider(Now));

        Assert.That(await store.GetAsync(Key), Is.Null);
        await store.SetAsync(Key, Token("secret-token-1"));
        await store.SetAsync(Key, Token("secret-token-2"));
        await store.SetAsync(Key + "-other", Token("secret-token-3"));

        Assert.That((await store.GetAsync(Key))!.Token, Is.EqualTo("secret-token-2"));
        Assert.That((await store.GetAsync(Key + "-other"))!.Token, Is.EqualTo("secret-token-3"));
        await store.RemoveAsync(Key);
        Assert.That(await store.GetAsync(Key), Is.Null);
        Assert.That((await store.GetAsync(Key + "-other"))!.Token, Is.EqualTo("secret-token-3"));
    }

    [Test]
    public async Task The_memory_store_reads_a_token_as_absent_from_its_expiry_on()
    {
        var time = new FakeTimeProvider(Now);
        var store = new CmfblMemoryTokenStore(time);
        await store.SetAsync(Key, Token(lifetime: TimeSpan.FromMinutes(10)));

        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.That(await store.GetAsync(Key), Is.EqualTo(Token(lifetime: TimeSpan.FromMinutes(10))));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.That(await store.GetAsync(Key), Is.Null);
    }

    [Test]
    public async Task The_memory_store_honours_cancellation()
    {
        var store = new CmfblMemoryTokenStore(TimeProvider.System);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAsync<OperationCanceledException>(() => store.GetAsync(Key, cancelled.Token));
        await Assert.ThrowsAsync<OperationCanceledException>(() => store.SetAsync(Key, Token(), cancelled.Token));
        await Assert.ThrowsAsync<OperationCanceledException>(() => store.RemoveAsync(Key, cancelled.Token));
    }

    [Test]
    public void A_stored_token_never_shows_the_token()
    {
        var token = Token("secret-token-1");

        Assert.That(token.ToString(), Is.EqualTo("CmfblStoredToken { Token = ***, PublicKey = (set), ObtainedAt = 2026-03-01T08:00:00.0000000+00:00, ExpiresAt = 2026-03-01T09:00:00.0000000+00:00 }"));
        Assert.That(Token(publicKey: null).ToString(), Does.Contain("PublicKey = (none)").And.Not.Contain("secret-token"));
    }

    [Test]
    public void A_stored_token_needs_a_token_and_an_expiry_after_it_was_obtained()
    {
        Assert.Throws<ArgumentException>(() => _ = new CmfblStoredToken(" ", null, Now, Now.AddHours(1)));
        var ex = Assert.Throws<ArgumentException>(() => _ = new CmfblStoredToken("secret-token-1", null, Now, Now));
        Assert.That(ex!.ParamName, Is.EqualTo("expiresAt"));
        Assert.That(ex.Message, Does.Not.Contain("secret-token-1"));
        Assert.That(new CmfblStoredToken("secret-token-1", " ", Now, Now.AddHours(1)).PublicKey, Is.Null);
    }

    [Test]
    public void The_key_names_the_manager_api_the_company_and_the_app_escaped()
    {
        Assert.That(CmfblTokenStoreKey.For("https://CMFBL.test:443/openapi-b", "360", "app-1"), Is.EqualTo(Key));
        Assert.That(
            CmfblTokenStoreKey.For("https://cmfbl.test/openapi-b", "36:0", "app 1"),
            Is.EqualTo("BrokerAdapters:Cmfbl:AdminToken:36%3A0:app%201:https://cmfbl.test/openapi-b"));
        Assert.That(
            CmfblTokenStoreKey.For("https://cmfbl.test/openapi-b", "36", "0:app"),
            Is.Not.EqualTo(CmfblTokenStoreKey.For("https://cmfbl.test/openapi-b", "36:0", "app")));
    }

    [Test]
    public async Task The_distributed_store_writes_a_small_json_document_that_expires_with_the_token()
    {
        var time = new FakeTimeProvider(Now);
        var cache = new RecordingCache();
        var store = new CmfblDistributedTokenStore(cache, time);
        time.Advance(TimeSpan.FromMinutes(15));

        await store.SetAsync(Key, Token());

        Assert.That(cache.LastKey, Is.EqualTo(Key));
        Assert.That(cache.LastOptions!.AbsoluteExpirationRelativeToNow, Is.EqualTo(TimeSpan.FromMinutes(45)));
        Assert.That(cache.LastOptions.AbsoluteExpiration, Is.Null);
        Assert.That(cache.LastOptions.SlidingExpiration, Is.Null);
        Assert.That(
            Encoding.UTF8.GetString(cache.LastValue!),
            Is.EqualTo("""{"v":1,"token":"secret-token-1","publicKey":"MIGfMA0GCSq","obtainedAt":"2026-03-01T08:00:00+00:00","expiresAt":"2026-03-01T09:00:00+00:00"}"""));
        Assert.That(await store.GetAsync(Key), Is.EqualTo(Token()));
    }

    [Test]
    public async Task The_distributed_store_round_trips_through_a_memory_cache_and_forgets_on_remove()
    {
        var store = new CmfblDistributedTokenStore(MemoryCache(), new FakeTimeProvider(Now));

        Assert.That(await store.GetAsync(Key), Is.Null);
        await store.SetAsync(Key, Token(publicKey: null));
        Assert.That(await store.GetAsync(Key), Is.EqualTo(Token(publicKey: null)));
        await store.RemoveAsync(Key);
        Assert.That(await store.GetAsync(Key), Is.Null);
    }

    [Test]
    public async Task The_distributed_store_does_not_write_a_token_that_has_already_expired()
    {
        var time = new FakeTimeProvider(Now);
        var cache = new RecordingCache();
        var store = new CmfblDistributedTokenStore(cache, time);
        time.Advance(TimeSpan.FromHours(1));

        await store.SetAsync(Key, Token());

        Assert.That(cache.LastKey, Is.Null);
    }

    [TestCase("""{"v":1,"token":"secret-token-1"}""", "KeyNotFoundException")]
    [TestCase("""{"v":2,"token":"secret-token-1","publicKey":null,"obtainedAt":"2026-03-01T08:00:00+00:00","expiresAt":"2026-03-01T09:00:00+00:00"}""", null)]
    [TestCase("""secret-token-1""", "JsonReaderException")]
    [TestCase("""{"v":1,"token":"secret-token-1","publicKey":null,"obtainedAt":"2026-03-01T08:00:00+00:00","expiresAt":"2026-03-01T08:00:00+00:00"}""", "ArgumentException")]
    public async Task An_unreadable_entry_fails_without_quoting_it(string entry, string? reason)
    {
        var cache = MemoryCache();
        await cache.SetAsync(Key, Encoding.UTF8.GetBytes(entry));
        var store = new CmfblDistributedTokenStore(cache, new FakeTimeProvider(Now));

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => store.GetAsync(Key));

        var expected = "The stored CMFBL admin token entry is not in the expected format" + (reason is null ? "." : $" ({reason}).");
        Assert.That(ex!.Message, Is.EqualTo(expected));
        Assert.That(ex.InnerException, Is.Null);
    }

    private static MemoryDistributedCache MemoryCache() => new(Options.Create(new MemoryDistributedCacheOptions()));

    private sealed class RecordingCache : IDistributedCache
    {
        private readonly MemoryDistributedCache _inner = MemoryCache();

        public string? LastKey { get; private set; }

        public byte[]? LastValue { get; private set; }

        public DistributedCacheEntryOptions? LastOptions { get; private set; }

        public byte[]? Get(string key) => _inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => _inner.GetAsync(key, token);

        public void Refresh(string key) => _inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

        public void Remove(string key) => _inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new NotSupportedException();

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            (LastKey, LastValue, LastOptions) = (key, value, options);
            return _inner.SetAsync(key, value, options, token);
        }
    }
}
