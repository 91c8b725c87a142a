using System.CommandLine;

namespace BrokerAdapters.Cli.Commands;

/// <summary>
/// <c>--email</c>, <c>--phone</c>, <c>--number</c> and (optionally) <c>--id</c>: what <c>exists</c>, <c>get</c> and
/// <c>login</c> look a customer up by. Exactly one is required; the parser refuses none or several (exit code 2).
/// </summary>
internal sealed class LookupOptions
{
    private readonly bool _allowId;

    /// <summary>Creates the options.</summary>
    /// <param name="allowId">Whether <c>--id</c> (the provider's key) is accepted; logins are by email, phone or number only.</param>
    public LookupOptions(bool allowId)
    {
        _allowId = allowId;
    }

    /// <summary>Gets <c>--email</c>.</summary>
    public Option<string?> Email { get; } = new("--email") { Description = "The customer's email address.", HelpName = "address" };

    /// <summary>Gets <c>--phone</c>.</summary>
    public Option<PhoneNumber?> Phone { get; } = new("--phone")
    {
        Description = $"The customer's phone number with its country calling code, e.g. {PhoneNumberParser.Example}.",
        HelpName = "number",
        CustomParser = PhoneNumberParser.Parse,
    };

    /// <summary>Gets <c>--number</c>.</summary>
    public Option<string?> Number { get; } = new("--number")
    {
        Description = "The provider's customer number (CMFBL customerNo, MC-CRM bizCode).",
        HelpName = "number",
    };

    /// <summary>Gets <c>--id</c>.</summary>
    public Option<string?> Id { get; } = new("--id")
    {
        Description = "The provider's key of the customer (CMFBL id, MC-CRM uid).",
        HelpName = "id",
    };

    private IEnumerable<Option> All => _allowId ? [Email, Phone, Number, Id] : [Email, Phone, Number];

    /// <summary>Adds the options and the exactly-one rule to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in All)
        {
            command.Options.Add(option);
        }

        var names = string.Join(", ", All.Select(o => o.Name));
        command.Validators.Add(result =>
        {
            var given = All.Count(option => result.GetResult(option) is { Implicit: false });
            if (given == 0)
            {
                result.AddError($"Say which customer: give one of {names}.");
            }
            else if (given > 1)
            {
                result.AddError($"Give only one of {names}.");
            }
        });
    }

    /// <summary>Reads the lookup.</summary>
    /// <param name="parseResult">The parsed command line (validated: exactly one option is set).</param>
    /// <returns>The lookup.</returns>
    public CustomerLookup Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.GetValue(Email) is { } email)
        {
            return CustomerLookup.ByEmail(email);
        }

        if (parseResult.GetValue(Phone) is { } phone)
        {
            return CustomerLookup.ByPhone(phone);
        }

        if (parseResult.GetValue(Number) is { } number)
        {
            return CustomerLookup.ByNumber(number);
        }

        return CustomerLookup.ById(parseResult.GetValue(Id) ?? throw new CliUsageException("Say which customer: give one of --email, --phone, --number or --id."));
    }
}
