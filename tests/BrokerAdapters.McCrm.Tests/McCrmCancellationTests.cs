using BrokerAdapters.McCrm.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokerAdapters.McCrm.Tests;

public sealed class McCrmCancellationTests
{
    [Test]
    public async Task Register_with_a_cancelled_token_throws_and_sends_nothing()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerSignup(Fixtures.Read("signup.response.json"));

        await Assert.ThatAsync(
            () => host.Registry.RegisterAsync(Customers.Full(), new CancellationToken(canceled: true)),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(host.Requests, Is.Empty);
    }

    [Test]
    public async Task Find_with_a_cancelled_token_throws_and_sends_nothing()
    {
        using var host = McCrmTestHost.Create();
        host.AnswerQueryUid(Fixtures.Read("query-uid.response.json"));

        await Assert.ThatAsync(
            () => host.Registry.FindAsync(CustomerLookup.ById("u1"), new CancellationToken(canceled: true)),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(host.Requests, Is.Empty);
    }

    [Test]
    public async Task Cancelling_a_request_in_flight_throws_operation_canceled_not_a_provider_error()
    {
        using var hanging = new HangingHandler();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(McCrmTestHost.DefaultSettings()).Build();
        var services = new ServiceCollection();
        services.AddUserRegistry(configuration.GetSection("UserRegistry")).AddMcCrm(http => http.ConfigurePrimaryHttpMessageHandler(() => hanging));
        await using var provider = services.BuildServiceProvider();
        using var cancellation = new CancellationTokenSource();

        var find = provider.GetRequiredService<IUserRegistry>().FindAsync(CustomerLookup.ById("u1"), cancellation.Token);
        await hanging.Reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();

        await Assert.ThatAsync(() => find, Throws.InstanceOf<OperationCanceledException>());
    }
}
