using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BrokerAdapters.Cli.Output;

/// <summary>How customers look in human output: one customer as a field/value table, many as rows.</summary>
internal static class CustomerView
{
    private static readonly (string Header, int Width)[] RowColumns =
    [
        ("Number", 12), ("Id", 10), ("Email", 38), ("Phone", 16), ("Name", 24), ("Country", 7), ("Status", 9),
    ];

    /// <summary>One customer: every field that has a value, then the provider's extra fields.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The table.</returns>
    public static Table Details(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Field").AddColumn("Value");
        void Add(string field, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                table.AddRow(new Text(field, new Style(decoration: Decoration.Bold)), new Text(value));
            }
        }

        Add("Provider", customer.Provider);
        Add("Id", customer.Id);
        Add("Number", customer.Number);
        Add("External id", customer.ExternalId);
        Add("Email", customer.Email);
        Add("Phone", Phone(customer.Phone));
        Add("Country", customer.Country);
        Add("Name", customer.Name?.Formatted);
        Add("Birth date", customer.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("Address", Address(customer.Address));
        Add("Language", customer.Language);
        Add("Time zone", customer.TimeZone);
        Add("Source", customer.Source?.ToString());
        Add("Group", customer.GroupId);
        Add("Attribution", Attribution(customer.Attribution));
        Add("Client IP", customer.ClientIp);
        Add("Device", customer.Device);
        Add("Status", customer.Status.ToString());
        Add("KYC status", customer.KycStatus);
        Add("Created", Time(customer.CreatedAt));
        Add("Updated", Time(customer.UpdatedAt));
        Add("Last login", Time(customer.LastLoginAt));
        foreach (var (key, value) in customer.Extra.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!string.IsNullOrEmpty(value))
            {
                table.AddRow(new Text(key, new Style(decoration: Decoration.Dim)), new Text(value, new Style(decoration: Decoration.Dim)));
            }
        }

        return table;
    }

    /// <summary>Several customers in one table (when they are all known before printing).</summary>
    /// <param name="customers">The customers.</param>
    /// <returns>The table.</returns>
    public static Table Table(IEnumerable<Customer> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var (header, _) in RowColumns)
        {
            table.AddColumn(header);
        }

        foreach (var customer in customers)
        {
            table.AddRow(Cells(customer).Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        return table;
    }

    /// <summary>The header of streamed rows (see <see cref="Row"/>), with its line break.</summary>
    /// <returns>The header line.</returns>
    public static IRenderable RowHeader() =>
        new Text(Join(RowColumns.Select(c => c.Header)) + Environment.NewLine, new Style(decoration: Decoration.Bold));

    /// <summary>
    /// One customer as a fixed-width line with its line break, so that rows printed as they arrive still line up,
    /// and each is one write (a live spinner redraws after each write).
    /// </summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The line.</returns>
    public static IRenderable Row(Customer customer) => new Text(Join(Cells(customer)) + Environment.NewLine);

    /// <summary>A phone number as people write it: <c>+852 98763237</c>.</summary>
    /// <param name="phone">The phone number.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public static string? Phone(PhoneNumber? phone) => phone is null ? null : $"{phone.CountryCode} {phone.Number}";

    private static string[] Cells(Customer customer) =>
    [
        customer.Number ?? string.Empty,
        customer.Id,
        customer.Email ?? string.Empty,
        Phone(customer.Phone) ?? string.Empty,
        customer.Name?.Formatted ?? string.Empty,
        customer.Country ?? string.Empty,
        customer.Status.ToString(),
    ];

    private static string Join(IEnumerable<string> cells) =>
        string.Join(' ', cells.Zip(RowColumns, (cell, column) => Fit(cell, column.Width))).TrimEnd();

    private static string Fit(string text, int width) =>
        text.Length <= width ? text.PadRight(width) : string.Concat(text.AsSpan(0, width - 1), "…");

    private static string? Time(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    private static string? Address(PostalAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        var street = string.Join(' ', new[] { address.Street, address.HouseNumber }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var parts = new[] { address.Line, street, address.PostalCode, address.City }.Where(p => !string.IsNullOrWhiteSpace(p));
        var text = string.Join(", ", parts);
        return text.Length == 0 ? null : text;
    }

    private static string? Attribution(MarketingAttribution? attribution)
    {
        if (attribution is null)
        {
            return null;
        }

        var parts = new (string Name, string? Value)[]
        {
            ("source", attribution.Source), ("medium", attribution.Medium), ("campaign", attribution.Campaign),
            ("content", attribution.Content), ("term", attribution.Term),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Name}={p.Value}");
        var text = string.Join(", ", parts);
        return text.Length == 0 ? null : text;
    }
}
