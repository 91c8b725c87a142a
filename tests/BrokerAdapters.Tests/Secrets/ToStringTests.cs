using System.Reflection;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using BrokerAdapters.Cmfbl;
using BrokerAdapters.McCrm;
using BrokerAdapters.Migration;
using BrokerAdapters.Sandbox;
using BrokerAdapters.Testing;

namespace BrokerAdapters.Tests.Secrets;

/// <summary>
/// Every public type of the libraries, built by reflection with a distinct secret in each property whose name says it
/// holds one: its <see cref="object.ToString"/> (a record's printing included) shows none of them. A new secret
/// property is found by its name, without changing this test.
/// </summary>
public sealed partial class ToStringTests
{
    private static readonly Assembly[] Libraries =
    [
        typeof(NewCustomer).Assembly,
        typeof(UserRegistryBuilder).Assembly,
        typeof(CmfblOptions).Assembly,
        typeof(McCrmOptions).Assembly,
        typeof(CustomerMigrator).Assembly,
        typeof(FakeCustomers).Assembly,
        typeof(SandboxOptions).Assembly,
    ];

    private static readonly RSA PrivateKey = RSA.Create(2048);

    [OneTimeTearDown]
    public void DisposeKey() => PrivateKey.Dispose();

    [Test]
    public void No_public_type_prints_a_secret_it_holds()
    {
        var leaks = new List<string>();
        var built = new List<Type>();
        foreach (var type in PrintableTypes())
        {
            var secrets = new List<(string Name, string Value)>();
            var instance = Build(type, depth: 0, secrets);
            if (instance is null)
            {
                continue;
            }

            built.Add(type);
            try
            {
                Collect(instance, type.Name, secrets);
                var text = instance.ToString() ?? string.Empty;
                leaks.AddRange(secrets.Where(s => text.Contains(s.Value, StringComparison.OrdinalIgnoreCase)).Select(s => $"{type.Name}.ToString() prints {s.Name}: {text}"));
            }
            finally
            {
                (instance as IDisposable)?.Dispose();
            }
        }

        Assert.That(leaks, Is.Empty, string.Join(Environment.NewLine, leaks));
        Assert.That(built, Is.SupersetOf(new[]
        {
            typeof(NewCustomer), typeof(CustomerCredentials), typeof(AuthenticatedCustomer), typeof(CmfblOptions), typeof(McCrmOptions),
            typeof(McCrmEmulatorOptions), typeof(McCrmEmulator), typeof(CmfblEmulatedCompany), typeof(CmfblEmulatedCustomer), typeof(McCrmEmulatedUser),
            typeof(MigrationPlanRow), typeof(UserRegistryException), typeof(CmfblCustomerSession), typeof(CmfblVerificationTicket),
            typeof(CmfblEmulatedVerificationCode),
        }));
    }

    [Test]
    public void Every_public_type_with_a_secret_property_is_checked()
    {
        var notBuilt = PrintableTypes()
            .Where(t => SecretProperties(t).Any())
            .Where(t => Build(t, depth: 0, []) is not { } instance || Dispose(instance))
            .Select(t => t.FullName);

        Assert.That(notBuilt, Is.Empty, "add a way to build these types to ToStringTests.Known");
    }

    [Test]
    public void The_secret_properties_are_found_by_their_names()
    {
        var found = PrintableTypes().SelectMany(t => SecretProperties(t).Select(p => $"{t.Name}.{p.Name}")).ToArray();

        Assert.That(found, Is.SupersetOf(new[]
        {
            "NewCustomer.Password", "CustomerCredentials.Password", "AuthenticatedCustomer.AccessToken", "AuthenticatedCustomer.RefreshToken",
            "CmfblOptions.AppSecret", "CmfblOptions.PublicKey", "McCrmOptions.Token", "McCrmOptions.PublicKey",
            "McCrmEmulatorOptions.Token", "McCrmEmulator.Token", "CmfblEmulatedCompany.AppSecret", "CmfblEmulatedCustomer.PasswordMd5",
            "CmfblCustomerSession.ClientToken", "CmfblCustomerSession.RefreshToken", "CmfblVerificationTicket.SendToken",
            "CmfblEmulatedVerificationCode.SendToken",
        }));
    }

    [Test]
    public void Options_printed_with_a_private_key_pasted_as_the_public_key_show_neither_the_key_nor_the_secrets()
    {
        var pem = PrivateKey.ExportPkcs8PrivateKeyPem();
        var base64 = Convert.ToBase64String(PrivateKey.ExportPkcs8PrivateKey());
        var texts = new[]
        {
            new CmfblOptions { AppSecret = "app-secret-0123456789", PublicKey = pem }.ToString(),
            new CmfblOptions { AppSecret = "app-secret-0123456789", PublicKey = base64 }.ToString(),
            new McCrmOptions { Token = "merchant-token-0123456789", PublicKey = pem }.ToString(),
            new McCrmOptions { Token = "merchant-token-0123456789", PublicKey = base64 }.ToString(),
        };

        foreach (var text in texts)
        {
            Assert.That(text, Does.Not.Contain("PRIVATE KEY").And.Not.Contain(base64[..40]).And.Not.Contain(base64[^40..]));
            Assert.That(text, Does.Not.Contain("app-secret-0123456789").And.Not.Contain("merchant-token-0123456789"));
            Assert.That(text, Does.Contain("***"));
        }
    }

    /// <summary>Public, concrete, non-generic types whose instances are printed: not enums, delegates, attributes or static classes.</summary>
    private static IEnumerable<Type> PrintableTypes() =>
        Libraries.SelectMany(a => a.GetExportedTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } or { IsValueType: true, IsEnum: false })
            .Where(t => !typeof(Delegate).IsAssignableFrom(t) && !typeof(Attribute).IsAssignableFrom(t))
            .Where(t => t.Namespace?.StartsWith("BrokerAdapters", StringComparison.Ordinal) == true)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static IEnumerable<PropertyInfo> SecretProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0 && IsSecretName(p.Name));

    private static bool IsSecretName(string name) => SecretName().IsMatch(name) || KeyName().IsMatch(name);

    /// <summary>A secret, or a cryptographic key: where an operator may paste a private key by mistake.</summary>
    private static string SecretFor(string name) =>
        KeyName().IsMatch(name) ? PrivateKey.ExportPkcs8PrivateKeyPem() : $"secret-{name}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";

    /// <summary>The secret values an instance (and what it holds, a level down) carries in its secret properties.</summary>
    private static void Collect(object instance, string path, List<(string Name, string Value)> secrets, int depth = 0)
    {
        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            object? value;
            try
            {
                value = property.GetValue(instance);
            }
            catch (TargetInvocationException)
            {
                continue;
            }

            if (value is string text && IsSecretName(property.Name) && text.Length > 0)
            {
                AddSecret(secrets, $"{path}.{property.Name}", text);
            }
            else if (value is not null and not string && depth < 2 && value.GetType().Namespace?.StartsWith("BrokerAdapters", StringComparison.Ordinal) == true)
            {
                Collect(value, $"{path}.{property.Name}", secrets, depth + 1);
            }
        }
    }

    private static void AddSecret(List<(string Name, string Value)> secrets, string name, string value)
    {
        if (value.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            // A PEM is found by any line of its body, not only whole.
            secrets.AddRange(value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => !line.StartsWith("-----", StringComparison.Ordinal))
                .Select(line => (name, line)));
            return;
        }

        secrets.Add((name, value));
    }

    /// <summary>
    /// An instance of <paramref name="type"/>: from <see cref="Known"/>, else through its public constructor with the
    /// most parameters, then every settable property filled, secrets in the secret ones. <see langword="null"/> when
    /// the type cannot be built so.
    /// </summary>
    private static object? Build(Type type, int depth, List<(string Name, string Value)> secrets)
    {
        if (type == typeof(string))
        {
            return "plain-value";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Build(underlying, depth, secrets);
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (type.IsPrimitive || type == typeof(decimal) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeSpan) || type == typeof(DateTime))
        {
            return Activator.CreateInstance(type);
        }

        if (Known(type) is { } known)
        {
            return known;
        }

        if (depth > 2 || type.IsAbstract || type.IsInterface || !type.Namespace!.StartsWith("BrokerAdapters", StringComparison.Ordinal))
        {
            return null;
        }

        object? instance = null;
        foreach (var constructor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            var arguments = constructor.GetParameters()
                .Select(p => p.ParameterType == typeof(string) && IsSecretName(p.Name!) ? SecretFor(p.Name!) : Build(p.ParameterType, depth + 1, secrets))
                .ToArray();
            try
            {
                instance = constructor.Invoke(arguments);
                break;
            }
            catch (TargetInvocationException)
            {
            }
        }

        if (instance is null && type.IsValueType)
        {
            instance = Activator.CreateInstance(type);
        }

        if (instance is null)
        {
            return null;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
        {
            var value = property.PropertyType == typeof(string)
                ? IsSecretName(property.Name) ? SecretFor(property.Name) : "plain-" + property.Name
                : property.GetValue(instance) is null ? Build(property.PropertyType, depth + 1, secrets) : null;
            if (value is null)
            {
                continue;
            }

            try
            {
                property.SetValue(instance, value);
            }
            catch (TargetInvocationException)
            {
                // A setter that refuses the value keeps its own.
            }
        }

        return instance;
    }

    /// <summary>The types built through the API a user has for them rather than a public constructor.</summary>
    private static object? Known(Type type)
    {
        if (type == typeof(CustomerLookup))
        {
            return CustomerLookup.ByEmail("ann.lee@example.com");
        }

        if (type == typeof(CmfblEmulatedCompany))
        {
            return new CmfblEmulator().AddCompany("360", appSecret: SecretFor("AppSecret"));
        }

        if (type == typeof(CmfblEmulatedCustomer))
        {
            return new CmfblEmulator().AddCompany("360").Seed(FakeCustomers.Generate(1)[0] with { Password = SecretFor("Password") });
        }

        if (type == typeof(CmfblEmulatedVerificationCode))
        {
            // Codes are issued by the emulator only: one is sent the way a client asks for it.
            var emulator = new CmfblEmulator();
            var company = emulator.AddCompany("360");
            var headers = new Dictionary<string, string> { ["companyId"] = "360", ["trace"] = "t-1", ["version"] = "0.0.1" };
            const string Body = """{"companyId":360,"bizType":"EMAIL_REGISTER_VERIFICATION_CODE","toUser":"ann.lee@example.com"}""";
            emulator.ServeAsync(HttpMethod.Post, "/api/global/message.app.VerificationApiService.verifyCodeSend", headers, Body).GetAwaiter().GetResult();
            return company.VerificationCodes.Single();
        }

        if (type == typeof(McCrmEmulatedUser))
        {
            return new McCrmEmulator().Seed(FakeCustomers.Generate(1)[0] with { Password = SecretFor("Password")[..20] });
        }

        if (type == typeof(CmfblStoredToken))
        {
            var obtained = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            return new CmfblStoredToken(SecretFor("Token"), SecretFor("PublicKey"), obtained, obtained.AddHours(1));
        }

        if (type == typeof(MigrationPasswordPolicy))
        {
            return MigrationPasswordPolicy.Generate("passwords.csv");
        }

        return null;
    }

    private static bool Dispose(object instance)
    {
        (instance as IDisposable)?.Dispose();
        return false;
    }

    [GeneratedRegex("password|passwd|pwd|secret|token|credential|apikey|privatekey", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex("(public|private|rsa|signing|encryption)key$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyName();
}
