using System.Net;
using System.Security.Cryptography;
using System.Text;
using BrokerAdapters.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace BrokerAdapters.Tests.Secrets;

/// <summary>
/// Every operation, error and failure of both providers, with every logger at Trace (the HttpClient factory's own
/// loggers included): no secret used appears in any log entry, exception or printed result.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class FullRunAtTraceTests
{
    private const string CmfblCreate = "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc";
    private const string CmfblPage = "customer.admin.WhiteCustomerAdminApiService.page";
    private const string CmfblAuth = "admin.admin.CompanyAuthDubboService.auth";
    private const string CmfblLogin = "customer.app.CustomerWebApiService.login";
    private const string CmfblExists = "customer.app.CustomerWebApiService.checkCustomerExist";
    private const string Signup = "user/signup";

    private readonly SecretBook _secrets = new();
    private readonly List<Exception> _errors = [];
    private readonly List<object> _results = [];
    private readonly CapturingLoggerProvider _logs = new();
    private readonly CmfblEmulator _cmfbl = new();
    private readonly McCrmEmulator _mccrm = new();
    private CmfblEmulatedCompany _plainCompany = null!;
    private CmfblEmulatedCompany _sealedCompany = null!;
    private RSA _misplacedKey = null!;
    private IConfiguration _configuration = null!;
    private ServiceProvider? _services;
    private int _nextCustomer;

    [SetUp]
    public void Setup()
    {
        _plainCompany = _cmfbl.AddCompany("360");
        _sealedCompany = _cmfbl.AddCompany("361");
        _misplacedKey = RSA.Create(2048);
        _secrets.Add("CMFBL app secret (360)", _plainCompany.AppSecret);
        _secrets.Add("CMFBL app secret (361)", _sealedCompany.AppSecret);
        _secrets.Add("MC-CRM token", _mccrm.Token);
        _secrets.AddPrivateKey("private key configured as MC-CRM public key", _misplacedKey);

        var settings = new Dictionary<string, string?>(_plainCompany.ToConfiguration());
        Merge(settings, _sealedCompany.ToConfiguration(section: "Registries:Sealed"));
        settings["Registries:Sealed:Cmfbl:Encryption"] = "Rsa";
        Merge(settings, _mccrm.ToConfiguration(section: "Registries:McCrm"));
        Merge(settings, _mccrm.ToConfiguration(section: "Registries:MisplacedKey"));
        settings["Registries:MisplacedKey:McCrm:PublicKey"] = _misplacedKey.ExportPkcs8PrivateKeyPem();
        _configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    [TearDown]
    public void Teardown()
    {
        _services?.Dispose();
        _misplacedKey.Dispose();
    }

    /// <param name="applicationRedactsItsOwnHeaders">
    /// Whether the application tells the HttpClient factory which headers are sensitive (its own
    /// <c>Authorization</c>), which makes the factory log every other header's value at Trace level.
    /// </param>
    [TestCase(false)]
    [TestCase(true)]
    public async Task No_secret_appears_in_any_log_exception_or_result_of_a_full_run_at_trace_level(bool applicationRedactsItsOwnHeaders)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        if (applicationRedactsItsOwnHeaders)
        {
            services.ConfigureHttpClientDefaults(http => http.RedactLoggedHeaders(["Authorization"]));
        }

        AddProviders(services.AddUserRegistry(_configuration.GetSection("UserRegistry")));
        AddProviders(services.AddKeyedUserRegistry("sealed", _configuration.GetSection("Registries:Sealed")));
        AddProviders(services.AddKeyedUserRegistry("mccrm", _configuration.GetSection("Registries:McCrm")));
        AddProviders(services.AddKeyedUserRegistry("misplaced", _configuration.GetSection("Registries:MisplacedKey")));
        _services = services.BuildServiceProvider();

        await RunCmfblAsync(_services.GetRequiredService<IUserRegistry>(), _plainCompany, "plain");
        await RunCmfblAsync(_services.GetRequiredKeyedService<IUserRegistry>("sealed"), _sealedCompany, "sealed");
        await RunMcCrmAsync(_services.GetRequiredKeyedService<IUserRegistry>("mccrm"));
        await RunMisplacedKeyAsync(_services.GetRequiredKeyedService<IUserRegistry>("misplaced"));
        CollectWhatTravelled();

        var logs = _logs.Logs.ToArray();
        AssertTheRunWasLogged(logs);
        if (applicationRedactsItsOwnHeaders)
        {
            Assert.That(logs.Where(l => l.Level == LogLevel.Trace && l.Message.Contains("Content-Type: application/json", StringComparison.Ordinal)), Is.Not.Empty, "other header values are logged");
        }

        var leaks = new List<string>();
        foreach (var log in logs)
        {
            leaks.AddRange(_secrets.FoundIn(log.AllText).Select(s => $"{s} in log {log.Level} {log.Category}: {log.Message}"));
        }

        foreach (var error in _errors)
        {
            leaks.AddRange(_secrets.FoundIn(ErrorText(error)).Select(s => $"{s} in {error.GetType().Name}: {error.Message}"));
        }

        foreach (var result in _results)
        {
            leaks.AddRange(_secrets.FoundIn(result.ToString()).Select(s => $"{s} in {result.GetType().Name}.ToString()"));
        }

        Assert.That(leaks, Is.Empty, string.Join(Environment.NewLine, leaks.Distinct()));
    }

    private async Task RunCmfblAsync(IUserRegistry registry, CmfblEmulatedCompany company, string label)
    {
        // Register, read in every way, list page by page.
        var ann = NextCustomer(label + " ann");
        var bob = NextCustomer(label + " bob");
        var created = await Succeeds(() => registry.RegisterAsync(ann));
        await Succeeds(() => registry.RegisterAsync(bob));
        Assert.That(created.Outcome, Is.EqualTo(RegistrationOutcome.Created));
        var number = created.Customer.Number!;
        Assert.That(await Succeeds(() => registry.ExistsAsync(CustomerLookup.ByEmail(ann.Email!))), Is.True);
        Assert.That(await Succeeds(() => registry.ExistsAsync(CustomerLookup.ByPhone(ann.Phone!))), Is.True);
        Assert.That(await Succeeds(() => registry.ExistsAsync(CustomerLookup.ByNumber(number))), Is.True);
        Assert.That((await Succeeds(() => registry.FindAsync(CustomerLookup.ByNumber(number))))!.Email, Is.EqualTo(ann.Email));
        Assert.That(await Succeeds(() => registry.ListAsync(new CustomerQuery { PageSize = 1 }).ToListAsync().AsTask()), Has.Count.EqualTo(2));

        // Log in: the customer's tokens are secrets from now on; a wrong password is refused.
        var session = await Succeeds(() => registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByNumber(number), ann.Password!)));
        _secrets.Add($"{label} customer access token", session.AccessToken);
        _secrets.Add($"{label} customer refresh token", session.RefreshToken);
        Assert.That(session.RefreshToken, Is.Not.Null, "the emulator issues refresh tokens");
        var wrong = _secrets.NewPassword(label + " wrong password");
        await Fails(UserRegistryErrorKind.InvalidCredentials, () => registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByEmail(ann.Email!), wrong)));

        // The admin token expires and is renewed once.
        var issued = company.TokensIssued;
        company.ExpireTokens();
        await Succeeds(() => registry.ExistsAsync(CustomerLookup.ByNumber(number)));
        Assert.That(company.TokensIssued, Is.EqualTo(issued + 1));

        // Duplicates and invalid input, one of them an email that holds the password.
        await Fails(UserRegistryErrorKind.AlreadyExists, () => registry.RegisterAsync(ann with { Password = _secrets.NewPassword(label + " duplicate") }));
        var typo = _secrets.NewPassword(label + " typed into the email");
        var invalid = NextCustomer(label + " invalid") with { Email = typo + "@", Password = typo, Phone = new PhoneNumber("+852", "12") };
        await Fails(UserRegistryErrorKind.InvalidInput, () => registry.RegisterAsync(invalid));
        await Fails(UserRegistryErrorKind.InvalidInput, () => registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByEmail(typo + " at example"), typo)));

        // HTTP failures on reads, writes, login and authentication.
        // Reads (and a 429 on a write) are retried three times by default: four failures exhaust the retries.
        _cmfbl.Faults.FailNext(1, HttpStatusCode.Unauthorized, CmfblPage);
        await Fails(UserRegistryErrorKind.Unauthorized, () => registry.FindAsync(CustomerLookup.ByNumber(number)));
        _cmfbl.Faults.FailNext(4, HttpStatusCode.TooManyRequests, CmfblExists);
        await Fails(UserRegistryErrorKind.RateLimited, () => registry.ExistsAsync(CustomerLookup.ByNumber(number)));
        _cmfbl.Faults.FailNext(4, HttpStatusCode.InternalServerError, CmfblLogin);
        await Fails(UserRegistryErrorKind.Unavailable, () => registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByNumber(number), ann.Password!)));
        _cmfbl.Faults.FailNext(1, HttpStatusCode.InternalServerError, CmfblCreate);
        Assert.That((await Succeeds(() => registry.RegisterAsync(NextCustomer(label + " after a 500")))).Outcome, Is.EqualTo(RegistrationOutcome.Created), "checked, then sent again");
        company.ExpireTokens();
        _cmfbl.Faults.FailNext(4, HttpStatusCode.InternalServerError, CmfblAuth);
        await Fails(UserRegistryErrorKind.Unavailable, () => registry.FindAsync(CustomerLookup.ByNumber(number)));

        // A provider that echoes what it was sent: the MD5 password, the app secret, the admin token.
        var echoed = NextCustomer(label + " echoed");
        _cmfbl.Faults.FailNextWithCode(1, "USCUSTOMER_API_0000125", $"Password {SecretBook.Md5(echoed.Password!)} is not accepted", CmfblCreate);
        var refused = await Fails(UserRegistryErrorKind.InvalidInput, () => registry.RegisterAsync(echoed));
        Assert.That(refused.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "Password" }));
        _cmfbl.Faults.FailNextWithCode(1, "USCUSTOMER_API_0000102", $"Account number or password wrong (loginPwd={SecretBook.Md5(ann.Password!)})", CmfblLogin);
        await Fails(UserRegistryErrorKind.InvalidCredentials, () => registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByNumber(number), ann.Password!)));
        company.ExpireTokens();
        _cmfbl.Faults.FailNextWithCode(1, "GGATEWAY_CODE_101", $"Invalid account info: appSecret {company.AppSecret}", CmfblAuth);
        await Fails(UserRegistryErrorKind.Unauthorized, () => registry.ExistsAsync(CustomerLookup.ByNumber(number)));
        await Succeeds(() => registry.ExistsAsync(CustomerLookup.ByNumber(number)));
        _cmfbl.Faults.FailNextWithCode(1, "GGATEWAY_CODE_019", $"No access rights for token {LastAdminToken()}", CmfblPage);
        await Fails(UserRegistryErrorKind.Forbidden, () => registry.FindAsync(CustomerLookup.ByNumber(number)));

        // Malformed answers to a read, to login and to authentication.
        foreach (var malformed in Enum.GetValues<MalformedBody>())
        {
            _cmfbl.Faults.MalformNext(1, malformed, CmfblPage);
            await Fails(UserRegistryErrorKind.ProtocolError, () => registry.FindAsync(CustomerLookup.ByNumber(number)));
            _cmfbl.Faults.MalformNext(1, malformed, CmfblLogin);
            await Fails(UserRegistryErrorKind.ProtocolError, () => registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByNumber(number), ann.Password!)));
            company.ExpireTokens();
            _cmfbl.Faults.MalformNext(1, malformed, CmfblAuth);
            await Fails(UserRegistryErrorKind.ProtocolError, () => registry.ExistsAsync(CustomerLookup.ByNumber(number)));
        }

        // A registration applied whose answer was lost is found by checking (with a valid token, so it is applied).
        await Succeeds(() => registry.ExistsAsync(CustomerLookup.ByNumber(number)));
        _cmfbl.Faults.DropNextResponses(1, CmfblCreate);
        Assert.That((await Succeeds(() => registry.RegisterAsync(NextCustomer(label + " dropped")))).Outcome, Is.EqualTo(RegistrationOutcome.Recovered));

        // Cancellation before sending and in the middle of a listing.
        await CancelledAsync(registry, NextCustomer(label + " cancelled"), number);
    }

    private async Task RunMcCrmAsync(IUserRegistry registry)
    {
        var ann = NextCustomer("mccrm ann");
        var created = await Succeeds(() => registry.RegisterAsync(ann));
        Assert.That((await Succeeds(() => registry.FindAsync(CustomerLookup.ById(created.Customer.Id))))!.Email, Is.EqualTo(ann.Email));
        await Fails(UserRegistryErrorKind.AlreadyExists, () => registry.RegisterAsync(ann with { Password = _secrets.NewPassword("mccrm duplicate") }));

        var typo = _secrets.NewPassword("mccrm typed into the email");
        await Fails(UserRegistryErrorKind.InvalidInput, () => registry.RegisterAsync(NextCustomer("mccrm invalid") with { Email = typo + "@", Password = typo }));
        var tooLong = "Too-long-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        _secrets.AddPassword("mccrm too long password", tooLong);
        await Fails(UserRegistryErrorKind.InvalidInput, () => registry.RegisterAsync(NextCustomer("mccrm too long") with { Password = tooLong }));

        _mccrm.Faults.FailNext(1, HttpStatusCode.Unauthorized, Signup);
        await Fails(UserRegistryErrorKind.Unauthorized, () => registry.RegisterAsync(NextCustomer("mccrm 401")));
        _mccrm.Faults.FailNext(4, HttpStatusCode.TooManyRequests);
        await Fails(UserRegistryErrorKind.RateLimited, () => registry.FindAsync(CustomerLookup.ById(created.Customer.Id)));
        _mccrm.Faults.FailNext(1, HttpStatusCode.InternalServerError, Signup);
        var unknown = await Fails(UserRegistryErrorKind.OutcomeUnknown, () => registry.RegisterAsync(NextCustomer("mccrm 500")));
        Assert.That(unknown.ReconciliationLookups, Is.Not.Empty);
        foreach (var malformed in Enum.GetValues<MalformedBody>())
        {
            _mccrm.Faults.MalformNext(1, malformed, Signup);
            await Throws(() => registry.RegisterAsync(NextCustomer("mccrm malformed " + malformed)));
        }

        _mccrm.Faults.DropNextResponses(1, Signup);
        await Fails(UserRegistryErrorKind.OutcomeUnknown, () => registry.RegisterAsync(NextCustomer("mccrm dropped")));

        // A gateway that echoes the request (the encrypted password) and its token header in its message.
        _mccrm.Mock.Expect(HttpMethod.Post, "*/openapi/v1/user/signup").Respond(async request =>
        {
            var body = await request.Content!.ReadAsStringAsync();
            _secrets.Add("MC-CRM password ciphertext (echoed)", (string?)JObject.Parse(body)["password"]);
            var token = request.Headers.GetValues("token").Single();
            var echo = new JObject { ["code"] = "303", ["msg"] = $"invalid request {body} with token {token}", ["data"] = null, ["success"] = false };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(echo.ToString(), Encoding.UTF8, "application/json") };
        });
        await Fails(UserRegistryErrorKind.InvalidInput, () => registry.RegisterAsync(NextCustomer("mccrm echoed")));

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Cancelled(() => registry.RegisterAsync(NextCustomer("mccrm cancelled"), cancelled.Token));
        await Cancelled(() => registry.FindAsync(CustomerLookup.ById(created.Customer.Id), cancelled.Token));
    }

    private async Task RunMisplacedKeyAsync(IUserRegistry registry)
    {
        // A private key pasted where the public key belongs: MC-CRM cannot decrypt, and the key is never printed.
        await Fails(UserRegistryErrorKind.InvalidInput, () => registry.RegisterAsync(NextCustomer("misplaced key")));
    }

    private async Task CancelledAsync(IUserRegistry registry, NewCustomer customer, string number)
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Cancelled(() => registry.RegisterAsync(customer, cancelled.Token));
        await Cancelled(() => registry.ExistsAsync(CustomerLookup.ByNumber(number), cancelled.Token));
        await Cancelled(() => registry.FindAsync(CustomerLookup.ByNumber(number), cancelled.Token));
        await Cancelled(() => registry.AuthenticateAsync(new CustomerCredentials(CustomerLookup.ByNumber(number), customer.Password!), cancelled.Token));

        using var midway = new CancellationTokenSource();
        await Cancelled(async () =>
        {
            await foreach (var _ in registry.ListAsync(new CustomerQuery { PageSize = 1 }, midway.Token))
            {
                await midway.CancelAsync();
            }
        });
    }

    /// <summary>What the library sent: admin tokens, MD5 passwords, sealed bodies, MC-CRM ciphertexts.</summary>
    private void CollectWhatTravelled()
    {
        foreach (var request in _cmfbl.Requests)
        {
            _secrets.Add("CMFBL admin token", request.Header("token"));
            var body = JObject.Parse(request.DecryptedBody ?? request.Body);
            _secrets.Add("CMFBL MD5 password sent", (string?)body["pwd"] ?? (string?)body["loginPwd"]);
            _secrets.Add("CMFBL app secret sent", (string?)body["appSecret"]);
            if (request.DecryptedBody is not null)
            {
                _secrets.Add("CMFBL sealed body", (string?)JObject.Parse(request.Body)["data"]);
            }
        }

        foreach (var request in _mccrm.Requests.Where(r => r.Operation == Signup))
        {
            _secrets.Add("MC-CRM password ciphertext", (string?)JObject.Parse(request.Body)["password"]);
        }

        Assert.That(_cmfbl.Requests.Where(r => r.DecryptedBody is not null).Select(r => r.Operation), Does.Contain(CmfblCreate), "the sealed registry encrypts");
        Assert.That(_mccrm.Requests.Count(r => r.Operation == Signup), Is.GreaterThan(5));
    }

    private static void AssertTheRunWasLogged(CapturedLog[] logs)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(logs.Where(l => l.Level == LogLevel.Trace && l.Category.StartsWith("System.Net.Http.HttpClient.BrokerAdapters.Cmfbl", StringComparison.Ordinal)), Is.Not.Empty);
            Assert.That(logs.Where(l => l.Level == LogLevel.Trace && l.Category.StartsWith("System.Net.Http.HttpClient.BrokerAdapters.McCrm", StringComparison.Ordinal)), Is.Not.Empty);
            Assert.That(logs.Where(l => l.Level == LogLevel.Trace && l.Message.Contains("token:", StringComparison.OrdinalIgnoreCase)), Is.Not.Empty, "the request headers, the token among them, are logged");
            Assert.That(logs.Where(l => l.Scopes.Contains("HTTP POST", StringComparison.Ordinal)), Is.Not.Empty, "the HttpClient scopes are captured");
            Assert.That(logs.Where(l => l.Level == LogLevel.Debug && l.Category == "BrokerAdapters.Cmfbl"), Is.Not.Empty);
            Assert.That(logs.Where(l => l.Level == LogLevel.Debug && l.Category.StartsWith("BrokerAdapters.McCrm", StringComparison.Ordinal)), Is.Not.Empty);
            Assert.That(logs.Where(l => l.Level == LogLevel.Warning && l.Category == "BrokerAdapters.Cmfbl"), Is.Not.Empty);
            Assert.That(logs.Where(l => l.Exception is not null), Is.Not.Empty, "a failed request logs its exception");
        }
    }

    private NewCustomer NextCustomer(string label)
    {
        var customer = FakeCustomers.Generate(1, seed: 11, firstIndex: Interlocked.Increment(ref _nextCustomer))[0];
        return customer with { Password = _secrets.NewPassword(label + " password") };
    }

    private string LastAdminToken() => _cmfbl.Requests.Last(r => r.Header("token") is not null).Header("token")!;

    private async Task<T> Succeeds<T>(Func<Task<T>> call)
    {
        var result = await call();
        if (result is not null)
        {
            _results.Add(result);
        }

        switch (result)
        {
            case CustomerRegistration registration:
                _results.Add(registration.Customer);
                break;
            case AuthenticatedCustomer session:
                _results.Add(session.Customer);
                break;
            case IEnumerable<Customer> customers:
                _results.AddRange(customers);
                break;
        }

        return result;
    }

    private async Task<UserRegistryException> Fails(UserRegistryErrorKind kind, Func<Task> call)
    {
        var error = await Throws(call);
        Assert.That(error.Kind, Is.EqualTo(kind), error.ToString);
        return error;
    }

    private async Task<UserRegistryException> Throws(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<UserRegistryException>(async () => await call());
        _errors.Add(error!);
        return error!;
    }

    private async Task Cancelled(Func<Task> call)
    {
        var error = await Assert.CatchAsync<OperationCanceledException>(async () => await call());
        _errors.Add(error!);
    }

    private static string ErrorText(Exception error)
    {
        var text = new StringBuilder(error.ToString());
        for (var current = error; current is not null; current = current.InnerException)
        {
            text.Append('\n').Append(current.Message);
            if (current is UserRegistryException registryError)
            {
                text.Append('\n').Append(registryError.ProviderMessage);
                foreach (var field in registryError.FieldErrors)
                {
                    text.Append('\n').Append(field);
                }

                foreach (var lookup in registryError.ReconciliationLookups)
                {
                    text.Append('\n').Append(lookup);
                }
            }
        }

        return text.ToString();
    }

    private void AddProviders(UserRegistryBuilder builder) =>
        builder
            .AddCmfbl(http => http.ConfigurePrimaryHttpMessageHandler(_cmfbl.CreateHandler))
            .AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(_mccrm.CreateHandler));

    private static void Merge(Dictionary<string, string?> settings, IReadOnlyDictionary<string, string?> more)
    {
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
    }
}
