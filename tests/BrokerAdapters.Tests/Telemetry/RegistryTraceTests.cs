using System.Diagnostics;
using System.Net;
using BrokerAdapters.Testing;
using static BrokerAdapters.Tests.Telemetry.TelemetryHost.Recorded;

namespace BrokerAdapters.Tests.Telemetry;

public sealed class RegistryTraceTests
{
    private const string Auth = "admin.admin.CompanyAuthDubboService.auth";
    private const string Create = "customer.admin.WhiteCustomerAdminApiService.addCusAndOpenAccountAndKyc";
    private const string Exist = "customer.app.CustomerWebApiService.checkCustomerExist";
    private const string Page = "customer.admin.WhiteCustomerAdminApiService.page";
    private const string Detail = "customer.admin.WhiteCustomerAdminApiService.detail";
    private const string GroupList = "customer.admin.CustomerGroupAdminApiService.groupList";

    private static NewCustomer Customer(int i = 1) => FakeCustomers.Generate(1, seed: 11, firstIndex: i)[0];

    [Test]
    public async Task A_registration_is_one_span_with_a_span_per_attempt_under_it()
    {
        var emulator = new CmfblEmulator();
        using var host = TelemetryHost.For(emulator, emulator.AddCompany("360"));

        var recorded = await host.RecordAsync(() => host.Registry.RegisterAsync(Customer()));

        var operation = recorded.Operations.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(operation.DisplayName, Is.EqualTo("Cmfbl register"));
            Assert.That(operation.Status, Is.EqualTo(ActivityStatusCode.Ok));
            Assert.That(Tag(operation, "brokeradapters.provider"), Is.EqualTo("Cmfbl"));
            Assert.That(Tag(operation, "brokeradapters.operation"), Is.EqualTo("register"));
            Assert.That(Tag(operation, "brokeradapters.outcome"), Is.EqualTo("success"));
            Assert.That(Tag(operation, "error.type"), Is.Null);
        }

        var attempts = recorded.AttemptsOf(operation);
        Assert.That(attempts.Select(a => a.DisplayName), Is.EqualTo(new[] { "Cmfbl " + Auth, "Cmfbl " + Create, "Cmfbl " + Page, "Cmfbl " + Detail }));
        Assert.That(recorded.Spans, Has.Count.EqualTo(5), "nothing but the operation and its attempts");
        foreach (var attempt in attempts)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(attempt.Kind, Is.EqualTo(ActivityKind.Client));
                Assert.That(Tag(attempt, "brokeradapters.provider"), Is.EqualTo("Cmfbl"));
                Assert.That(Tag(attempt, "brokeradapters.wire_operation"), Is.EqualTo(attempt.DisplayName["Cmfbl ".Length..]));
                Assert.That(Tag(attempt, "brokeradapters.attempt"), Is.EqualTo(1));
                Assert.That(Tag(attempt, "http.request.method"), Is.EqualTo("POST"));
                Assert.That(Tag(attempt, "http.response.status_code"), Is.EqualTo(200));
                Assert.That(attempt.Status, Is.EqualTo(ActivityStatusCode.Unset));
            }
        }
    }

    [Test]
    public async Task A_read_retried_after_a_503_shows_two_attempts_under_one_operation()
    {
        var emulator = new CmfblEmulator();
        using var host = TelemetryHost.For(emulator, emulator.AddCompany("360"));
        emulator.Faults.FailNext(1, HttpStatusCode.ServiceUnavailable, Page);

        var recorded = await host.RecordAsync(() => host.Registry.FindAsync(CustomerLookup.ByNumber("123456")));

        var operation = recorded.Operations.Single();
        Assert.That(operation.DisplayName, Is.EqualTo("Cmfbl find"));
        Assert.That(Tag(operation, "brokeradapters.outcome"), Is.EqualTo("success"));
        var pages = recorded.AttemptsOf(operation).Where(a => Equals(Tag(a, "brokeradapters.wire_operation"), Page)).ToArray();
        Assert.That(pages.Select(a => Tag(a, "brokeradapters.attempt")), Is.EqualTo(new object[] { 1, 2 }));
        Assert.That(pages.Select(a => Tag(a, "http.response.status_code")), Is.EqualTo(new object[] { 503, 200 }));
        Assert.That(pages.Select(a => a.Status), Is.EqualTo(new[] { ActivityStatusCode.Error, ActivityStatusCode.Unset }));
        Assert.That(Tag(pages[0], "error.type"), Is.EqualTo("503"));
    }

    [Test]
    public async Task A_failure_is_an_error_span_tagged_with_the_error_kind()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        using var host = TelemetryHost.For(emulator, company, configure: s => s["UserRegistry:Cmfbl:AppSecret"] = "not-the-secret");

        var recorded = await host.RecordAsync(async () =>
            await Assert.ThrowsAsync<UserRegistryException>(() => host.Registry.ExistsAsync(CustomerLookup.ByNumber("1"))));

        var operation = recorded.Operations.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(operation.DisplayName, Is.EqualTo("Cmfbl exists"));
            Assert.That(operation.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(operation.StatusDescription, Is.EqualTo("Unauthorized"));
            Assert.That(Tag(operation, "brokeradapters.outcome"), Is.EqualTo("failure"));
            Assert.That(Tag(operation, "error.type"), Is.EqualTo("Unauthorized"));
            Assert.That(recorded.AttemptsOf(operation).Select(a => Tag(a, "brokeradapters.wire_operation")), Is.EqualTo(new[] { Auth }));
        }

        var tagged = recorded.Spans.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString() ?? string.Empty);
        Assert.That(tagged, Has.None.Contains("not-the-secret").And.None.Contains(company.AppId));
    }

    [Test]
    public async Task A_registration_recovered_after_a_lost_answer_is_tagged_recovered()
    {
        var emulator = new CmfblEmulator();
        using var host = TelemetryHost.For(emulator, emulator.AddCompany("360"));
        var customer = Customer();
        emulator.Faults.DropNextResponses(1, Create);

        CustomerRegistration? registration = null;
        var recorded = await host.RecordAsync(async () => registration = await host.Registry.RegisterAsync(customer));

        Assert.That(registration!.Outcome, Is.EqualTo(RegistrationOutcome.Recovered));
        var operation = recorded.Operations.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(operation.DisplayName, Is.EqualTo("Cmfbl register"));
            Assert.That(operation.Status, Is.EqualTo(ActivityStatusCode.Ok));
            Assert.That(Tag(operation, "brokeradapters.outcome"), Is.EqualTo("recovered"));
            Assert.That(Tag(operation, "error.type"), Is.Null);
        }

        var attempts = recorded.AttemptsOf(operation);
        var create = attempts.Single(a => Equals(Tag(a, "brokeradapters.wire_operation"), Create));
        Assert.That(create.Status, Is.EqualTo(ActivityStatusCode.Error), "its answer was lost");
        Assert.That(attempts.Select(a => Tag(a, "brokeradapters.wire_operation")), Does.Contain(Exist), "the checks are attempts of the registration");

        var tagged = recorded.Spans.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString() ?? string.Empty);
        Assert.That(tagged, Has.None.Contains(customer.Email!).And.None.Contains(customer.Phone!.Number));
    }

    [Test]
    public async Task Each_page_of_a_list_is_an_operation_span()
    {
        var emulator = new CmfblEmulator();
        using var host = TelemetryHost.For(emulator, emulator.AddCompany("360"));
        foreach (var i in new[] { 1, 2, 3 })
        {
            await host.Registry.RegisterAsync(Customer(i));
        }

        List<Customer> listed = [];
        var recorded = await host.RecordAsync(async () => listed = await host.Registry.ListAsync(new CustomerQuery { PageSize = 2 }).ToListAsync());

        Assert.That(listed, Has.Count.EqualTo(3));
        Assert.That(recorded.Operations.Select(o => o.DisplayName), Is.EqualTo(new[] { "Cmfbl list", "Cmfbl list" }));
        Assert.That(recorded.Operations.Select(o => Tag(o, "brokeradapters.outcome")), Is.EqualTo(new[] { "success", "success" }));
        Assert.That(recorded.Operations.Select(o => recorded.AttemptsOf(o).Single().DisplayName), Is.EqualTo(new[] { "Cmfbl " + Page, "Cmfbl " + Page }));
    }

    [Test]
    public async Task The_CMFBL_only_operations_have_spans_too()
    {
        var emulator = new CmfblEmulator();
        using var host = TelemetryHost.For(emulator, emulator.AddCompany("360"));

        var recorded = await host.RecordAsync(() => host.Cmfbl.GetCustomerGroupsAsync());

        var operation = recorded.Operations.Single();
        Assert.That(operation.DisplayName, Is.EqualTo("Cmfbl get_customer_groups"));
        Assert.That(Tag(operation, "brokeradapters.outcome"), Is.EqualTo("success"));
        Assert.That(recorded.AttemptsOf(operation).Select(a => Tag(a, "brokeradapters.wire_operation")), Is.EqualTo(new[] { Auth, GroupList }));
    }

    [Test]
    public async Task A_customer_sessions_calls_are_spans_named_after_them_with_their_wire_operations()
    {
        var emulator = new CmfblEmulator();
        var company = emulator.AddCompany("360");
        var customer = Customer();
        company.Seed(customer);
        using var host = TelemetryHost.For(emulator, company);

        var recorded = await host.RecordAsync(async () =>
        {
            var real = await host.Cmfbl.SignInAsync(new CustomerCredentials(CustomerLookup.ByEmail(customer.Email!), FakeCustomers.Password));
            await host.Cmfbl.GetAccessKeyAsync(real);
            var demo = await host.Cmfbl.SwitchAccountAsync(real);
            await host.Cmfbl.ResetDemoAccountAsync(demo);
            await host.Cmfbl.GetTradingAccountsAsync(real.Customer.Number!, 1);
        });

        Assert.That(recorded.Operations.Select(o => o.DisplayName), Is.EqualTo(new[]
        {
            "Cmfbl sign_in", "Cmfbl get_access_key", "Cmfbl switch_account", "Cmfbl reset_demo_account", "Cmfbl get_trading_accounts",
        }));
        Assert.That(recorded.Operations.Select(o => Tag(o, "brokeradapters.outcome")), Has.All.EqualTo("success"));
        var wireOperations = recorded.Operations.Select(o => string.Join(" + ", recorded.AttemptsOf(o).Select(a => Tag(a, "brokeradapters.wire_operation"))));
        Assert.That(wireOperations, Is.EqualTo(new[]
        {
            "customer.app.CustomerWebApiService.login",
            "thirdExt/randomKey",
            "thirdExt/switchAccount",
            "customer.app.CustomerDubboApiService.resetAccount",
            Auth + " + customer.admin.CustomerAdminApiService.queryAccountList",
        }));
    }

    [Test]
    public async Task An_MC_CRM_signup_is_one_span_with_its_attempt()
    {
        var emulator = new McCrmEmulator();
        using var host = TelemetryHost.For(emulator);

        var recorded = await host.RecordAsync(() => host.Registry.RegisterAsync(Customer()));

        var operation = recorded.Operations.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(operation.DisplayName, Is.EqualTo("McCrm register"));
            Assert.That(Tag(operation, "brokeradapters.provider"), Is.EqualTo("McCrm"));
            Assert.That(Tag(operation, "brokeradapters.outcome"), Is.EqualTo("success"));
            Assert.That(operation.Status, Is.EqualTo(ActivityStatusCode.Ok));
        }

        var attempt = recorded.AttemptsOf(operation).Single();
        Assert.That(attempt.DisplayName, Is.EqualTo("McCrm user/signup"));
        Assert.That(Tag(attempt, "http.response.status_code"), Is.EqualTo(200));
        Assert.That(Tag(attempt, "brokeradapters.attempt"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_operation_refused_at_the_call_is_a_failed_span_without_attempts()
    {
        var emulator = new McCrmEmulator();
        using var host = TelemetryHost.For(emulator);

        var recorded = await host.RecordAsync(() =>
        {
            Assert.Throws<UserRegistryException>(() => host.Registry.ListAsync());
            return Task.CompletedTask;
        });

        var operation = recorded.Spans.Single();
        Assert.That(operation.DisplayName, Is.EqualTo("McCrm list"));
        Assert.That(Tag(operation, "brokeradapters.outcome"), Is.EqualTo("failure"));
        Assert.That(Tag(operation, "error.type"), Is.EqualTo("NotSupported"));
        Assert.That(operation.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(emulator.Requests, Is.Empty);
    }
}
