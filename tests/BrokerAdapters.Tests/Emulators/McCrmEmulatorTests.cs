using System.Security.Cryptography;
using BrokerAdapters.Testing;

namespace BrokerAdapters.Tests.Emulators;

public sealed class McCrmEmulatorTests
{
    private static NewCustomer Customer(int i = 1) => FakeCustomers.Generate(1, seed: 9, firstIndex: i)[0];

    [TestCase("Pkcs1")]
    [TestCase("OaepSha1")]
    [TestCase("OaepSha256")]
    public async Task Signup_decrypts_the_password_with_the_merchant_key(string padding)
    {
        var rsaPadding = padding switch
        {
            "OaepSha1" => RSAEncryptionPadding.OaepSHA1,
            "OaepSha256" => RSAEncryptionPadding.OaepSHA256,
            _ => RSAEncryptionPadding.Pkcs1,
        };
        var emulator = new McCrmEmulator(new McCrmEmulatorOptions { Padding = rsaPadding });
        using var registry = EmulatedRegistry.For(emulator);

        var created = (await registry.Registry.RegisterAsync(Customer())).Customer;

        var user = emulator.Users.Single();
        Assert.That(user.Uid, Is.EqualTo(created.Id));
        Assert.That(user.BizCode, Is.EqualTo(created.Number));
        Assert.That(user.PasswordMatches(FakeCustomers.Password), Is.True);
        Assert.That(user.PasswordMatches("something else"), Is.False);
    }

    [Test]
    public async Task A_padding_mismatch_is_refused_as_invalid_input()
    {
        var emulator = new McCrmEmulator(new McCrmEmulatorOptions { Padding = RSAEncryptionPadding.OaepSHA256 });
        using var registry = EmulatedRegistry.For(emulator, s => s["UserRegistry:McCrm:Padding"] = "Pkcs1");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => registry.Registry.RegisterAsync(Customer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.InvalidInput));
        Assert.That(ex.ProviderCode, Is.EqualTo("303"));
        Assert.That(emulator.Users, Is.Empty);
    }

    [Test]
    public async Task The_numeric_envelope_is_understood_too()
    {
        var emulator = new McCrmEmulator(new McCrmEmulatorOptions { EnvelopeStyle = McCrmEnvelopeStyle.NumericCode });
        using var registry = EmulatedRegistry.For(emulator);

        var created = (await registry.Registry.RegisterAsync(Customer())).Customer;
        var found = await registry.Registry.FindAsync(CustomerLookup.ById(created.Id));

        Assert.That(found!.Number, Is.EqualTo(created.Number));
        Assert.That(emulator.Requests[0].Status, Is.EqualTo(System.Net.HttpStatusCode.OK));
    }

    [Test]
    public async Task A_wrong_merchant_token_is_Unauthorized()
    {
        var emulator = new McCrmEmulator();
        using var registry = EmulatedRegistry.For(emulator, s => s["UserRegistry:McCrm:Token"] = "not-the-token");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => registry.Registry.RegisterAsync(Customer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.Unauthorized));
        Assert.That(ex.ToString(), Does.Not.Contain("not-the-token"));
    }

    [Test]
    public async Task Phone_email_and_user_id_are_unique()
    {
        var emulator = new McCrmEmulator();
        using var registry = EmulatedRegistry.For(emulator);
        var customer = Customer();
        await registry.Registry.RegisterAsync(customer);

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => registry.Registry.RegisterAsync(customer with { Phone = null, ExternalId = null }));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.AlreadyExists));
        Assert.That(ex.ProviderMessage, Does.Contain("email"));
        Assert.That(emulator.Users, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_dropped_signup_answer_is_OutcomeUnknown_but_the_user_exists()
    {
        var emulator = new McCrmEmulator();
        using var registry = EmulatedRegistry.For(emulator);
        emulator.Faults.DropNextResponses(1, "user/signup");

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => registry.Registry.RegisterAsync(Customer()));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.OutcomeUnknown));
        Assert.That(emulator.Users, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_rate_limit_answers_429()
    {
        var emulator = new McCrmEmulator(new McCrmEmulatorOptions { RateLimitPerMinute = 1 });
        using var registry = EmulatedRegistry.For(emulator);
        await registry.Registry.FindAsync(CustomerLookup.ById("0123"));

        var ex = await Assert.ThrowsAsync<UserRegistryException>(() => registry.Registry.FindAsync(CustomerLookup.ById("0123")));

        Assert.That(ex!.Kind, Is.EqualTo(UserRegistryErrorKind.RateLimited));
        Assert.That(ex.HttpStatus, Is.EqualTo(429));
    }

    [Test]
    public async Task Seeded_users_can_be_found_by_uid()
    {
        var emulator = new McCrmEmulator();
        var seeded = emulator.Seed(Customer());
        using var registry = EmulatedRegistry.For(emulator);

        var found = await registry.Registry.FindAsync(CustomerLookup.ById(seeded.Uid));

        Assert.That(found!.Email, Is.EqualTo(Customer().Email));
        Assert.That(found.Phone, Is.EqualTo(Customer().Phone));
        Assert.That(found.Extra.Keys, Has.None.EqualTo("password"));
    }
}
