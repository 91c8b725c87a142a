using System.Globalization;
using BrokerAdapters.Cli.Output;
using BrokerAdapters.Cli.Output.Documents;
using BrokerAdapters.Testing;
using Spectre.Console;

namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// The <c>demo</c> steps on one provider: register fake customers, see a duplicate refused, check and find one back,
/// log in and list — each step only when the provider's descriptor says it is offered, and said so otherwise.
/// </summary>
internal sealed class DemoScenario
{
    private const int CustomerCount = 3;

    // Far from the indexes the sandbox seeds (0 to 14), so that the demo's customers are new.
    private const int FirstIndex = 1000;

    private readonly IUserRegistry _registry;
    private readonly CliOutput _output;
    private readonly List<string> _failures = [];

    /// <summary>Creates the scenario.</summary>
    /// <param name="registry">The registry, on the sandbox.</param>
    /// <param name="output">Where to narrate (nothing is narrated with <c>--json</c>).</param>
    public DemoScenario(IUserRegistry registry, CliOutput output)
    {
        _registry = registry;
        _output = output;
    }

    private UserRegistryDescriptor Descriptor => _registry.Descriptor;

    private string Provider => Descriptor.ProviderName;

    /// <summary>Runs the steps.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What happened.</returns>
    public async Task<DemoDocument> RunAsync(CancellationToken cancellationToken)
    {
        SayLine($"[bold underline]{Markup.Escape(Provider)}[/]  capabilities: [bold]{Markup.Escape(Descriptor.Capabilities.ToString())}[/]");

        var registered = await RegisterAsync(cancellationToken).ConfigureAwait(false);
        var refusal = await RegisterDuplicateAsync(registered[0], cancellationToken).ConfigureAwait(false);
        var exists = await ExistsAsync(registered[^1], cancellationToken).ConfigureAwait(false);
        var found = await FindAsync(registered[1], cancellationToken).ConfigureAwait(false);
        var loggedIn = await LoginAsync(registered[0], cancellationToken).ConfigureAwait(false);
        var listed = await ListAsync(registered, cancellationToken).ConfigureAwait(false);
        SayLine(string.Empty);

        return new DemoDocument(
            Provider,
            ProviderDocument.Names(Descriptor.Capabilities),
            [.. registered.Select(CustomerDocument.From)],
            refusal,
            exists,
            found is null ? null : CustomerDocument.From(found),
            loggedIn,
            listed,
            _failures);
    }

    private async Task<List<Customer>> RegisterAsync(CancellationToken cancellationToken)
    {
        var registered = new List<Customer>();
        foreach (var customer in FakeCustomers.Generate(CustomerCount, seed: 2024, firstIndex: FirstIndex))
        {
            registered.Add((await _registry.RegisterAsync(customer, cancellationToken).ConfigureAwait(false)).Customer);
        }

        SayLine($"[green]register[/]  {CustomerCount.ToString(CultureInfo.InvariantCulture)} new customers, as {Markup.Escape(Provider)} stored them:");
        Say(CustomerView.Table(registered));
        return registered;
    }

    private async Task<string?> RegisterDuplicateAsync(Customer first, CancellationToken cancellationToken)
    {
        var again = FakeCustomers.Generate(1, seed: 2024, firstIndex: FirstIndex)[0];
        try
        {
            await _registry.RegisterAsync(again, cancellationToken).ConfigureAwait(false);
            Fail($"registering {first.Email} a second time was accepted; a refusal (AlreadyExists) was expected.");
            return null;
        }
        catch (UserRegistryException ex) when (ex.Kind == UserRegistryErrorKind.AlreadyExists)
        {
            SayLine($"[green]register[/]  {Markup.Escape(first.Email ?? first.Id)} again: [yellow]refused[/], as expected — {Markup.Escape(ErrorReporter.Describe(ex))}");
            return string.Join(' ', new[] { ex.Kind.ToString(), ex.ProviderCode }.Where(p => p is not null));
        }
    }

    private async Task<bool?> ExistsAsync(Customer customer, CancellationToken cancellationToken)
    {
        var lookup = LookupFor(customer, Descriptor.ExistsLookups);
        if (!Descriptor.Supports(UserRegistryCapabilities.Exists) || lookup is null)
        {
            SayLine($"[dim]exists    {Markup.Escape(Provider)} does not offer existence checks (capabilities: {Markup.Escape(Descriptor.Capabilities.ToString())}).[/]");
            return null;
        }

        var exists = await _registry.ExistsAsync(lookup, cancellationToken).ConfigureAwait(false);
        if (!exists)
        {
            Fail($"exists by {lookup} answered false for a customer just registered.");
        }

        SayLine($"[green]exists[/]    by {lookup.Kind} {Markup.Escape(lookup.Value)}: [bold]{exists.ToString().ToLowerInvariant()}[/]");
        return exists;
    }

    private async Task<Customer?> FindAsync(Customer customer, CancellationToken cancellationToken)
    {
        var lookup = LookupFor(customer, Descriptor.FindLookups);
        if (!Descriptor.Supports(UserRegistryCapabilities.Find) || lookup is null)
        {
            SayLine($"[dim]get       {Markup.Escape(Provider)} does not offer finding customers.[/]");
            return null;
        }

        var found = await _registry.FindAsync(lookup, cancellationToken).ConfigureAwait(false);
        if (found is null || found.Id != customer.Id)
        {
            Fail($"get by {lookup} did not find the customer just registered (id {customer.Id}).");
            return found;
        }

        SayLine($"[green]get[/]       by {lookup.Kind} {Markup.Escape(lookup.Value)}: found [bold]{Markup.Escape(found.Name?.Formatted ?? found.Email ?? found.Id)}[/] (id {Markup.Escape(found.Id)}, number {Markup.Escape(found.Number ?? "-")})");
        return found;
    }

    private async Task<bool?> LoginAsync(Customer customer, CancellationToken cancellationToken)
    {
        var lookup = LookupFor(customer, Descriptor.AuthenticateLookups);
        if (!Descriptor.Supports(UserRegistryCapabilities.Authenticate) || lookup is null)
        {
            SayLine($"[dim]login     {Markup.Escape(Provider)} does not offer customer login.[/]");
            return null;
        }

        var signedIn = await _registry.AuthenticateAsync(new CustomerCredentials(lookup, FakeCustomers.Password), cancellationToken).ConfigureAwait(false);
        _output.Redactor.Add(signedIn.AccessToken);
        _output.Redactor.Add(signedIn.RefreshToken);
        SayLine($"[green]login[/]     by {lookup.Kind} {Markup.Escape(lookup.Value)}: signed in as customer {Markup.Escape(signedIn.Customer.Number ?? signedIn.Customer.Id)}, token {SecretRedactor.Mask}");
        return true;
    }

    private async Task<int?> ListAsync(List<Customer> registered, CancellationToken cancellationToken)
    {
        if (!Descriptor.Supports(UserRegistryCapabilities.List))
        {
            SayLine($"[dim]list      {Markup.Escape(Provider)} does not offer listing (capabilities: {Markup.Escape(Descriptor.Capabilities.ToString())}); the CLI's list command exits with code 8 there.[/]");
            return null;
        }

        var listed = new List<Customer>();
        await foreach (var customer in _registry.ListAsync(new CustomerQuery { PageSize = 5 }, cancellationToken).ConfigureAwait(false))
        {
            listed.Add(customer);
        }

        var missing = registered.Where(r => listed.All(l => l.Id != r.Id)).ToList();
        if (missing.Count > 0)
        {
            Fail($"list did not return {missing.Count.ToString(CultureInfo.InvariantCulture)} of the customers just registered.");
        }

        SayLine($"[green]list[/]      {listed.Count.ToString(CultureInfo.InvariantCulture)} customers, fetched 5 per page (the sandbox starts with some):");
        Say(CustomerView.Table(listed));
        return listed.Count;
    }

    private static CustomerLookup? LookupFor(Customer customer, CustomerLookupKinds accepted)
    {
        if (accepted.HasFlag(CustomerLookupKinds.Email) && customer.Email is { Length: > 0 } email)
        {
            return CustomerLookup.ByEmail(email);
        }

        if (accepted.HasFlag(CustomerLookupKinds.Number) && customer.Number is { Length: > 0 } number)
        {
            return CustomerLookup.ByNumber(number);
        }

        if (accepted.HasFlag(CustomerLookupKinds.Phone) && customer.Phone is { } phone)
        {
            return CustomerLookup.ByPhone(phone);
        }

        return accepted.HasFlag(CustomerLookupKinds.Id) ? CustomerLookup.ById(customer.Id) : null;
    }

    private void Fail(string what)
    {
        _failures.Add(what);
        SayLine($"[red]unexpected[/] {Markup.Escape(what)}");
    }

    private void SayLine(string markup)
    {
        if (!_output.Json)
        {
            _output.Out.MarkupLine(markup);
        }
    }

    private void Say(Spectre.Console.Rendering.IRenderable renderable)
    {
        if (!_output.Json)
        {
            _output.Out.Write(renderable);
        }
    }
}
