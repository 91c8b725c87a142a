using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Column = BrokerAdapters.Migration.CustomerCsvColumns;

namespace BrokerAdapters.Migration;

/// <summary>
/// Reads and writes customers as CSV (RFC 4180, UTF-8, CsvHelper), streaming, one customer per record with flat
/// columns:
/// <c>provider,id,number,externalId,email,phoneCountryCode,phoneNumber,country,givenName,middleName,familyName,fullName,birthDate,street,houseNumber,city,postalCode,addressLine,language,timeZone,source,groupId,utmSource,utmMedium,utmCampaign,utmContent,utmTerm,clientIp,device,status,kycStatus,createdAt,updatedAt,lastLoginAt,extra</c>.
/// </summary>
/// <remarks>
/// An empty cell is a missing value and a quoted empty cell (<c>""</c>) an empty text, so that every value round-trips
/// exactly; the one thing CSV cannot tell apart is a name, address or attribution whose parts are all missing, which
/// reads back as none. Dates are <c>yyyy-MM-dd</c>, times ISO 8601 round-trip (<c>O</c>) with their offset, enums
/// their names, and <c>extra</c> a compact JSON object (empty when there is none). Reading matches columns by header
/// name, in any order; missing optional columns read as missing values, <c>provider</c> and <c>id</c> are required.
/// </remarks>
public static class CustomerCsv
{
    private static readonly CsvWriterOptions WriterOptions = new() { Separator = ',', NewLine = "\r\n" };

    private static readonly CsvReaderOptions ReaderOptions = new()
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
    };

    /// <summary>Streams the customers of a CSV stream, reading as the caller consumes them. The stream is left open.</summary>
    /// <param name="stream">The UTF-8 input, with a header row.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The customers, in file order.</returns>
    /// <exception cref="CustomerFormatException">A record is not a valid customer, or the CSV is malformed (thrown when it is reached).</exception>
    public static IAsyncEnumerable<Customer> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadCoreAsync(stream, null, cancellationToken);
    }

    /// <summary>Streams the customers of a CSV file; the file is opened when the enumeration starts and closed when it ends.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The customers, in file order.</returns>
    /// <exception cref="CustomerFormatException">A record is not a valid customer, or the CSV is malformed (thrown when it is reached).</exception>
    public static IAsyncEnumerable<Customer> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadCoreAsync(null, path, cancellationToken);
    }

    /// <summary>Writes customers as CSV with a header row, as they arrive. The stream is flushed and left open.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="customers">The customers.</param>
    /// <param name="cancellationToken">Cancels the writing and the enumeration of <paramref name="customers"/>.</param>
    /// <returns>How many customers were written.</returns>
    public static async Task<long> WriteAsync(Stream stream, IAsyncEnumerable<Customer> customers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(customers);
        var csv = CsvWriter.Create(stream, WriterOptions, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            csv.WriteHeader(Column.Names);
            long count = 0;
            var extraBuffer = new ArrayBufferWriter<byte>();
            await foreach (var customer in customers.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                ArgumentNullException.ThrowIfNull(customer, nameof(customers));
                WriteRecord(csv, customer, extraBuffer);
                await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
                count++;
            }

            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    /// <summary>Writes customers to a CSV file, replacing it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="customers">The customers.</param>
    /// <param name="cancellationToken">Cancels the writing and the enumeration of <paramref name="customers"/>.</param>
    /// <returns>How many customers were written.</returns>
    public static async Task<long> WriteFileAsync(string path, IAsyncEnumerable<Customer> customers, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(customers);
        var file = CustomerFiles.Create(path);
        await using (file.ConfigureAwait(false))
        {
            return await WriteAsync(file, customers, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteRecord(CsvWriter csv, Customer customer, ArrayBufferWriter<byte> extraBuffer)
    {
        Text(csv, customer.Provider);
        Text(csv, customer.Id);
        Text(csv, customer.Number);
        Text(csv, customer.ExternalId);
        Text(csv, customer.Email);
        Text(csv, customer.Phone?.CountryCode);
        Text(csv, customer.Phone?.Number);
        Text(csv, customer.Country);
        Text(csv, customer.Name?.Given);
        Text(csv, customer.Name?.Middle);
        Text(csv, customer.Name?.Family);
        Text(csv, customer.Name?.Full);
        Text(csv, customer.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Text(csv, customer.Address?.Street);
        Text(csv, customer.Address?.HouseNumber);
        Text(csv, customer.Address?.City);
        Text(csv, customer.Address?.PostalCode);
        Text(csv, customer.Address?.Line);
        Text(csv, customer.Language);
        Text(csv, customer.TimeZone);
        Text(csv, customer.Source?.ToString());
        Text(csv, customer.GroupId);
        Text(csv, customer.Attribution?.Source);
        Text(csv, customer.Attribution?.Medium);
        Text(csv, customer.Attribution?.Campaign);
        Text(csv, customer.Attribution?.Content);
        Text(csv, customer.Attribution?.Term);
        Text(csv, customer.ClientIp);
        Text(csv, customer.Device);
        Text(csv, customer.Status.ToString());
        Text(csv, customer.KycStatus);
        Text(csv, customer.CreatedAt?.ToString("O", CultureInfo.InvariantCulture));
        Text(csv, customer.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture));
        Text(csv, customer.LastLoginAt?.ToString("O", CultureInfo.InvariantCulture));
        if (customer.Extra.Count == 0)
        {
            Text(csv, null);
        }
        else
        {
            extraBuffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(extraBuffer, CustomerJson.WriterOptions))
            {
                CustomerJson.WriteExtra(writer, customer.Extra);
            }

            Text(csv, Encoding.UTF8.GetString(extraBuffer.WrittenSpan));
        }
    }

    /// <summary>A missing value as an empty cell, an empty text as a quoted empty cell.</summary>
    private static void Text(CsvWriter csv, string? value)
    {
        if (value is null)
        {
            csv.WriteField((string?)null);
        }
        else if (value.Length == 0)
        {
            csv.WriteField(value, CsvQuoting.Always);
        }
        else
        {
            csv.WriteField(value);
        }
    }

    private static async IAsyncEnumerable<Customer> ReadCoreAsync(Stream? input, string? path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = input ?? CustomerFiles.OpenRead(path!);
        var csv = CsvReader.Create(stream, ReaderOptions, leaveOpen: true);
        try
        {
            int[]? columns = null;
            while (true)
            {
                bool more;
                try
                {
                    more = await csv.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (CsvFormatException ex)
                {
                    throw new CustomerFormatException(ex.LineNumber, ex.Message, ex);
                }

                if (!more)
                {
                    yield break;
                }

                columns ??= MapColumns(csv);
                yield return ReadRecord(csv, columns);
            }
        }
        finally
        {
            await csv.DisposeAsync().ConfigureAwait(false);
            if (input is null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static int[] MapColumns(CsvReader csv)
    {
        var columns = new int[Column.Names.Length];
        for (var i = 0; i < Column.Names.Length; i++)
        {
            columns[i] = csv.TryGetFieldIndex(Column.Names[i], out var index) ? index : -1;
        }

        foreach (var required in (int[])[Column.Provider, Column.Id])
        {
            if (columns[required] < 0)
            {
                throw new CustomerFormatException(1, $"the header has no '{Column.Names[required]}' column.");
            }
        }

        return columns;
    }

    private static Customer ReadRecord(CsvReader csv, int[] columns)
    {
        var line = csv.LineNumber;
        string? Cell(int column)
        {
            var index = columns[column];
            return index < 0 || csv.GetRawSpan(index).IsEmpty ? null : csv.GetString(index);
        }

        var countryCode = Cell(Column.PhoneCountryCode);
        var phoneNumber = Cell(Column.PhoneNumber);
        var birthDate = Cell(Column.BirthDate);
        var source = Cell(Column.Source);
        var status = Cell(Column.Status);
        var extra = Cell(Column.Extra);
        return new Customer
        {
            Provider = Cell(Column.Provider) ?? throw new CustomerFormatException(line, "provider is required."),
            Id = Cell(Column.Id) ?? throw new CustomerFormatException(line, "id is required."),
            Number = Cell(Column.Number),
            ExternalId = Cell(Column.ExternalId),
            Email = Cell(Column.Email),
            Phone = countryCode is null && phoneNumber is null
                ? null
                : new PhoneNumber(countryCode ?? string.Empty, phoneNumber ?? string.Empty),
            Country = Cell(Column.Country),
            Name = AllNull(Cell(Column.GivenName), Cell(Column.MiddleName), Cell(Column.FamilyName), Cell(Column.FullName), null, out var given, out var middle, out var family, out var full, out _)
                ? null
                : new PersonName { Given = given, Middle = middle, Family = family, Full = full },
            BirthDate = birthDate is null ? null : ParseDate(birthDate, line),
            Address = AllNull(Cell(Column.Street), Cell(Column.HouseNumber), Cell(Column.City), Cell(Column.PostalCode), Cell(Column.AddressLine), out var street, out var house, out var city, out var postal, out var addressLine)
                ? null
                : new PostalAddress { Street = street, HouseNumber = house, City = city, PostalCode = postal, Line = addressLine },
            Language = Cell(Column.Language),
            TimeZone = Cell(Column.TimeZone),
            Source = source is null ? null : CustomerJson.ParseEnum<RegistrationSource>(source, line, "source"),
            GroupId = Cell(Column.GroupId),
            Attribution = AllNull(Cell(Column.UtmSource), Cell(Column.UtmMedium), Cell(Column.UtmCampaign), Cell(Column.UtmContent), Cell(Column.UtmTerm), out var utmSource, out var medium, out var campaign, out var content, out var term)
                ? null
                : new MarketingAttribution { Source = utmSource, Medium = medium, Campaign = campaign, Content = content, Term = term },
            ClientIp = Cell(Column.ClientIp),
            Device = Cell(Column.Device),
            Status = status is null ? CustomerStatus.Unknown : CustomerJson.ParseEnum<CustomerStatus>(status, line, "status"),
            KycStatus = Cell(Column.KycStatus),
            CreatedAt = ParseTime(Cell(Column.CreatedAt), line, "createdAt"),
            UpdatedAt = ParseTime(Cell(Column.UpdatedAt), line, "updatedAt"),
            LastLoginAt = ParseTime(Cell(Column.LastLoginAt), line, "lastLoginAt"),
            Extra = string.IsNullOrEmpty(extra) ? CustomerJson.NoExtra : CustomerJson.ReadExtra(Encoding.UTF8.GetBytes(extra), line),
        };
    }

    private static bool AllNull(
        string? a, string? b, string? c, string? d, string? e,
        out string? first, out string? second, out string? third, out string? fourth, out string? fifth)
    {
        (first, second, third, fourth, fifth) = (a, b, c, d, e);
        return a is null && b is null && c is null && d is null && e is null;
    }

    private static DateOnly ParseDate(string text, long line) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CustomerFormatException(line, $"birthDate '{text}' is not a date (yyyy-MM-dd).");

    private static DateTimeOffset? ParseTime(string? text, long line, string column)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : throw new CustomerFormatException(line, $"{column} '{text}' is not an ISO 8601 date and time.");
    }
}
