using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using BrokerAdapters.Samples.ExampleCrm.Wire;
using Newtonsoft.Json;

namespace BrokerAdapters.Samples.ExampleCrm;

/// <summary>
/// The Example CRM user registry: register (<c>POST /v1/customers</c>), exists and find by id
/// (<c>GET /v1/customers/{id}</c>) or by email or phone (<c>GET /v1/customers?email=…</c>), list with a cursor, and
/// authenticate by email (<c>POST /v1/sessions</c>). Lookups by customer number are not offered by the API.
/// </summary>
internal sealed class ExampleCrmUserRegistry : IUserRegistry
{
    public const string ProviderName = "ExampleCrm";
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    #region descriptor
    private static readonly UserRegistryDescriptor ProviderDescriptor = new(
        ProviderName,
        UserRegistryCapabilities.Register | UserRegistryCapabilities.Exists | UserRegistryCapabilities.Find
            | UserRegistryCapabilities.List | UserRegistryCapabilities.Authenticate,
        existsLookups: CustomerLookupKinds.Id | CustomerLookupKinds.Email | CustomerLookupKinds.Phone,
        findLookups: CustomerLookupKinds.Id | CustomerLookupKinds.Email | CustomerLookupKinds.Phone,
        authenticateLookups: CustomerLookupKinds.Email);
    #endregion

    private static readonly ExampleCrmCall RegisterCall = new("register", IsWrite: true);
    private static readonly ExampleCrmCall ExistsCall = new("exists", IsWrite: false);
    private static readonly ExampleCrmCall FindCall = new("find", IsWrite: false);
    private static readonly ExampleCrmCall ListCall = new("list", IsWrite: false);
    private static readonly ExampleCrmCall AuthenticateCall = new("authenticate", IsWrite: false);
    private static readonly ExampleCrmCall RecoverCall = new("register check", IsWrite: false);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly string _httpClientName;
    private readonly Uri _baseUri;
    private readonly string _apiKey;
    private readonly TimeProvider _time;

    public ExampleCrmUserRegistry(IHttpClientFactory httpClientFactory, string httpClientName, ExampleCrmOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.BaseUrl, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey, nameof(options));

        _httpClientFactory = httpClientFactory;
        _httpClientName = httpClientName;
        // With one trailing slash, relative paths such as "v1/customers" keep a base path like /crm/.
        _baseUri = new Uri(options.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
        _apiKey = options.ApiKey;
        _time = time;
    }

    public UserRegistryDescriptor Descriptor => ProviderDescriptor;

    #region register
    public async Task<CustomerRegistration> RegisterAsync(NewCustomer customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ExampleCrmInputValidation.ValidateRegistration(customer);
        cancellationToken.ThrowIfCancellationRequested();

        // The password joins the body here, outside every mapping rule.
        var body = ExampleCrmMapper.ToCreateCustomer(customer) with { Password = customer.Password };
        try
        {
            var created = await SendAsync<ExampleCrmCustomer>(RegisterCall, HttpMethod.Post, "v1/customers", body, customer.Password, cancellationToken)
                .ConfigureAwait(false);
            return new CustomerRegistration(ToCustomer(created, RegisterCall), RegistrationOutcome.Created);
        }
        catch (UserRegistryException ex) when (ex.Kind == UserRegistryErrorKind.OutcomeUnknown)
        {
            // Never sent again blindly: a second POST could create the customer twice.
            return await RecoverAsync(customer, ex, cancellationToken).ConfigureAwait(false);
        }
    }
    #endregion

    #region find
    public async Task<bool> ExistsAsync(CustomerLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        RequireSupported(UserRegistryCapabilities.Exists, lookup.Kind, nameof(ExistsAsync));
        cancellationToken.ThrowIfCancellationRequested();
        return await FindCoreAsync(ExistsCall, lookup, cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task<Customer?> FindAsync(CustomerLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        RequireSupported(UserRegistryCapabilities.Find, lookup.Kind, nameof(FindAsync));
        cancellationToken.ThrowIfCancellationRequested();
        return await FindCoreAsync(FindCall, lookup, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Customer?> FindCoreAsync(ExampleCrmCall call, CustomerLookup lookup, CancellationToken cancellationToken)
    {
        if (lookup.Kind == CustomerLookupKind.Id)
        {
            try
            {
                var found = await SendAsync<ExampleCrmCustomer>(call, HttpMethod.Get, "v1/customers/" + Uri.EscapeDataString(lookup.Value), null, null, cancellationToken)
                    .ConfigureAwait(false);
                return ToCustomer(found, call);
            }
            catch (UserRegistryException ex) when (ex.Kind == UserRegistryErrorKind.NotFound)
            {
                // Not found is an answer, not a failure.
                return null;
            }
        }

        // Email or phone (E.164): a search that returns at most one customer, since both are unique at Example CRM.
        var filter = lookup.Kind == CustomerLookupKind.Email ? "email" : "phone";
        var page = await SendAsync<ExampleCrmCustomerPage>(call, HttpMethod.Get, $"v1/customers?{filter}={Uri.EscapeDataString(lookup.Value)}&limit=1", null, null, cancellationToken)
            .ConfigureAwait(false);
        var first = RecordsOf(page, call).FirstOrDefault();
        return first is null ? null : ToCustomer(first, call);
    }
    #endregion

    #region list
    public IAsyncEnumerable<Customer> ListAsync(CustomerQuery? query = null, CancellationToken cancellationToken = default)
    {
        // Checked at the call, not at the first MoveNextAsync, so that a bad page size fails where it is written.
        var pageSize = query?.PageSize ?? DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw UserRegistryException.InvalidInput(ProviderName, [new FieldError(nameof(CustomerQuery.PageSize), $"must be 1 to {MaxPageSize}.")]);
        }

        return ListPagesAsync(pageSize, cancellationToken);
    }

    private async IAsyncEnumerable<Customer> ListPagesAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var path = $"v1/customers?limit={pageSize}" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await SendAsync<ExampleCrmCustomerPage>(ListCall, HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
            foreach (var customer in RecordsOf(page, ListCall))
            {
                yield return ToCustomer(customer, ListCall);
            }

            if (page.NextCursor is not null && page.NextCursor == cursor)
            {
                throw ExampleCrmErrors.Protocol(ListCall, "the same cursor came back twice; listing would never end.");
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }
    #endregion

    #region authenticate
    public async Task<AuthenticatedCustomer> AuthenticateAsync(CustomerCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        RequireSupported(UserRegistryCapabilities.Authenticate, credentials.Login.Kind, nameof(AuthenticateAsync));
        if (string.IsNullOrEmpty(credentials.Password))
        {
            throw UserRegistryException.InvalidInput(ProviderName, [new FieldError(nameof(credentials.Password), "is required.")]);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var request = new ExampleCrmSessionRequest { Email = credentials.Login.Value, Password = credentials.Password };
        var session = await SendAsync<ExampleCrmSession>(AuthenticateCall, HttpMethod.Post, "v1/sessions", request, credentials.Password, cancellationToken)
            .ConfigureAwait(false);
        if (string.IsNullOrEmpty(session.AccessToken) || session.Customer is null)
        {
            throw ExampleCrmErrors.Protocol(AuthenticateCall, "the session has no access_token or no customer.");
        }

        return new AuthenticatedCustomer(ToCustomer(session.Customer, AuthenticateCall), session.AccessToken) { RefreshToken = session.RefreshToken };
    }
    #endregion

    #region send
    private async Task<T> SendAsync<T>(
        ExampleCrmCall call, HttpMethod method, string pathAndQuery, object? body, string? secret, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseUri, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(ExampleCrmJson.Serialize(body), Encoding.UTF8, "application/json");
        }

        var client = _httpClientFactory.CreateClient(_httpClientName);
        HttpResponseMessage response;
        try
        {
            // The whole body is read here, within the client's Timeout and its MaxResponseContentBufferSize.
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw ExampleCrmErrors.Transport(call, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's cancellation: the client's Timeout.
            throw ExampleCrmErrors.Timeout(call, ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw ExampleCrmErrors.FromAnswer(call, response, text, _time, secret is null ? [_apiKey] : [_apiKey, secret]);
            }

            T? answer;
            try
            {
                answer = ExampleCrmJson.Deserialize<T>(text);
            }
            catch (JsonException ex)
            {
                throw ExampleCrmErrors.Protocol(call, "the answer is not the JSON Example CRM documents.", response, ex);
            }

            return answer ?? throw ExampleCrmErrors.Protocol(call, "the answer is empty.", response);
        }
    }
    #endregion

    #region recover
    /// <summary>
    /// The answer to a registration was lost. Email is unique at Example CRM, so a search by it tells whether this
    /// registration was applied: then the customer is returned as <see cref="RegistrationOutcome.Recovered"/>.
    /// Otherwise the outcome stays unknown, and the caller gets the lookups to reconcile by.
    /// </summary>
    private async Task<CustomerRegistration> RecoverAsync(NewCustomer customer, UserRegistryException lost, CancellationToken cancellationToken)
    {
        var byEmail = CustomerLookup.ByEmail(customer.Email!);
        try
        {
            if (await FindCoreAsync(RecoverCall, byEmail, cancellationToken).ConfigureAwait(false) is { } found
                && Equals(found.Phone, customer.Phone) && found.ExternalId == customer.ExternalId)
            {
                return new CustomerRegistration(found, RegistrationOutcome.Recovered);
            }
        }
        catch (UserRegistryException)
        {
            // The check failed too: the outcome stays unknown.
        }

        throw new UserRegistryException(
            UserRegistryErrorKind.OutcomeUnknown,
            lost.Message + " A search by email did not find the customer; reconcile before registering again.",
            lost)
        {
            Provider = ProviderName,
            TraceId = lost.TraceId,
            HttpStatus = lost.HttpStatus,
            ReconciliationLookups = customer.Phone is null ? [byEmail] : [byEmail, CustomerLookup.ByPhone(customer.Phone)],
        };
    }
    #endregion

    private static void RequireSupported(UserRegistryCapabilities operation, CustomerLookupKind kind, string method)
    {
        if (!ProviderDescriptor.Supports(operation, kind))
        {
            throw UserRegistryException.NotSupported(ProviderName, $"{method} by {kind}");
        }
    }

    private static List<ExampleCrmCustomer> RecordsOf(ExampleCrmCustomerPage page, ExampleCrmCall call) =>
        page.Data ?? throw ExampleCrmErrors.Protocol(call, "the page has no 'data'.");

    private static Customer ToCustomer(ExampleCrmCustomer customer, ExampleCrmCall call) =>
        string.IsNullOrWhiteSpace(customer.Id)
            ? throw ExampleCrmErrors.Protocol(call, "a customer without 'id'.")
            : ExampleCrmMapper.ToCustomer(customer);
}
