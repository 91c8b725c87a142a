using System.Collections.Concurrent;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;
using YamlDotNet.Serialization;

namespace BrokerAdapters.Contracts.Tests;

/// <summary>
/// Checks JSON bodies and HTTP headers against one provider's contract, <c>contracts/{provider}/openapi.yaml</c>
/// (copied next to the test assembly). It knows nothing about CMFBL or MC-CRM beyond what the YAML says, so it
/// serves the library's tests and the tests of provider emulators alike:
/// <code>
/// var contract = await ContractValidator.LoadAsync("cmfbl");
/// var path = contract.FindPath(request.RequestUri!);                  // "/openapi-b/customer.admin…page"
/// Assert.That(contract.RequestErrors(path!, requestJson), Is.Empty);
/// Assert.That(contract.ResponseErrors(path!, 200, responseJson), Is.Empty);
/// </code>
/// Every method returns the violations found (empty when the JSON conforms) instead of throwing, and describes
/// an undescribed path or status as a violation too, so an emulator that answers something the contract does not
/// know fails the same way as one that answers a wrong shape.
/// </summary>
/// <remarks>
/// Operations are looked up by path only (every operation in these contracts is a <c>POST</c>; when a path has
/// several methods, <c>post</c> is preferred). Bodies are validated with NJsonSchema in OpenAPI 3 mode, so
/// <c>nullable: true</c> is honoured. Example fixtures are found in the raw YAML because NSwag's object model
/// drops the <c>x-placeholders</c> extension on example objects.
/// </remarks>
internal sealed class ContractValidator
{
    /// <summary>The media type every body in these contracts uses.</summary>
    public const string JsonMediaType = "application/json";

    /// <summary>The component that describes the encrypted wire body (CMFBL).</summary>
    public const string EncryptedBodySchema = "EncryptedBody";

    /// <summary>The component that describes what signing adds to a plain body before encryption (CMFBL).</summary>
    public const string SignedBodyMembersSchema = "SignedBodyMembers";

    private static readonly ConcurrentDictionary<string, Lazy<Task<ContractValidator>>> Loaded = new(StringComparer.Ordinal);

    private ContractValidator(string provider, string documentPath, OpenApiDocument document, IReadOnlyList<ContractExample> examples)
    {
        Provider = provider;
        DocumentPath = documentPath;
        Document = document;
        Examples = examples;
    }

    /// <summary>Gets the folder holding one sub-folder per provider, next to the test assembly.</summary>
    public static string ContractsDirectory => Path.Combine(AppContext.BaseDirectory, "contracts");

    /// <summary>Gets the provider folder name, e.g. <c>cmfbl</c>.</summary>
    public string Provider { get; }

    /// <summary>Gets the full path of the YAML file.</summary>
    public string DocumentPath { get; }

    /// <summary>Gets the parsed document, for checks this class does not offer.</summary>
    public OpenApiDocument Document { get; }

    /// <summary>Gets the contract's paths, e.g. <c>/openapi/v1/user/signup</c>.</summary>
    public IReadOnlyCollection<string> Paths => Document.Paths.Keys.ToArray();

    /// <summary>Gets every example fixture the contract references, in document order.</summary>
    public IReadOnlyList<ContractExample> Examples { get; }

    /// <summary>Gets the path of <c>contracts/{provider}/openapi.yaml</c> next to the test assembly.</summary>
    public static string DocumentPathOf(string provider) => Path.Combine(ContractsDirectory, provider, "openapi.yaml");

    /// <summary>Loads (once per test run) the contract of <paramref name="provider"/>, e.g. <c>"cmfbl"</c> or <c>"mccrm"</c>.</summary>
    public static Task<ContractValidator> LoadAsync(string provider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        return Loaded.GetOrAdd(provider, p => new Lazy<Task<ContractValidator>>(() => LoadFileAsync(p, DocumentPathOf(p)))).Value;
    }

    /// <summary>Loads a contract from any YAML file; <paramref name="provider"/> only labels its examples.</summary>
    public static async Task<ContractValidator> LoadFileAsync(string provider, string yamlPath, CancellationToken cancellationToken = default)
    {
        var fullPath = Path.GetFullPath(yamlPath);
        var document = await OpenApiYamlDocument.FromFileAsync(fullPath, cancellationToken);
        RestoreBooleanEnums(document);
        return new ContractValidator(provider, fullPath, document, ReadExamples(provider, fullPath));
    }

    /// <summary>
    /// Lists the example fixtures of <paramref name="provider"/>'s contract without loading its schemas, for
    /// <c>TestCaseSource</c> methods, which must be synchronous.
    /// </summary>
    public static IReadOnlyList<ContractExample> DiscoverExamples(string provider) => ReadExamples(provider, DocumentPathOf(provider));

    /// <summary>
    /// Finds the contract path a request URL addresses: the longest contract path the URL's path ends with, on a
    /// segment boundary. The server part (host, <c>/mc-crm</c> prefix…) is whatever comes before it.
    /// </summary>
    /// <returns>The path, or <see langword="null"/> when the contract does not describe the URL.</returns>
    public string? FindPath(Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        var urlPath = requestUri.IsAbsoluteUri ? requestUri.AbsolutePath : requestUri.OriginalString.Split('?')[0];
        return Document.Paths.Keys
            .Where(p => urlPath.EndsWith(p, StringComparison.Ordinal))
            .OrderByDescending(p => p.Length)
            .FirstOrDefault();
    }

    /// <summary>Validates a request body against the request schema of <paramref name="path"/>.</summary>
    public IReadOnlyList<ContractViolation> RequestErrors(string path, string json) =>
        TryParse(json, out var body, out var error) ? RequestErrors(path, body) : [error];

    /// <inheritdoc cref="RequestErrors(string, string)"/>
    public IReadOnlyList<ContractViolation> RequestErrors(string path, JToken body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var schema = RequestSchema(path, out var problem);
        return schema is null ? [problem!] : Validate(schema, body);
    }

    /// <summary>
    /// Validates the decrypted form of an encrypted request body: the members of the
    /// <c>SignedBodyMembers</c> component must be there, and what remains without them must match the plain
    /// alternative of the operation's request schema (the <c>oneOf</c> member that is not <c>EncryptedBody</c>).
    /// </summary>
    public IReadOnlyList<ContractViolation> SignedRequestErrors(string path, string json)
    {
        if (!TryParse(json, out var body, out var error))
        {
            return [error];
        }

        var schema = RequestSchema(path, out var problem);
        if (schema is null)
        {
            return [problem!];
        }

        if (!Document.Components.Schemas.TryGetValue(EncryptedBodySchema, out var encrypted)
            || !Document.Components.Schemas.TryGetValue(SignedBodyMembersSchema, out var signed))
        {
            return [new ContractViolation("NoEncryptedForm", string.Empty, $"the contract has no {EncryptedBodySchema} or {SignedBodyMembersSchema} component")];
        }

        var branches = schema.ActualSchema.OneOf.ToArray();
        if (!branches.Any(b => ReferenceEquals(b.ActualSchema, encrypted.ActualSchema)))
        {
            return [new ContractViolation("NoEncryptedForm", string.Empty, $"{path} does not accept an encrypted body")];
        }

        var plain = branches.First(b => !ReferenceEquals(b.ActualSchema, encrypted.ActualSchema));
        var violations = Validate(signed, body).ToList();
        if (body is JObject obj)
        {
            var unsigned = (JObject)obj.DeepClone();
            foreach (var member in signed.ActualSchema.ActualProperties.Keys)
            {
                unsigned.Remove(member);
            }

            violations.AddRange(Validate(plain, unsigned));
        }

        return violations;
    }

    /// <summary>
    /// Validates a response body against the response that <paramref name="path"/> describes for
    /// <paramref name="statusCode"/> (falling back to <c>default</c>). A response that declares no content (e.g.
    /// CMFBL's 429) leaves the body undescribed, and any body passes.
    /// </summary>
    public IReadOnlyList<ContractViolation> ResponseErrors(string path, int statusCode, string json) =>
        ResponseErrors(path, statusCode.ToString(CultureInfo.InvariantCulture), json);

    /// <inheritdoc cref="ResponseErrors(string, int, string)"/>
    public IReadOnlyList<ContractViolation> ResponseErrors(string path, int statusCode, JToken body) =>
        ResponseErrors(path, statusCode.ToString(CultureInfo.InvariantCulture), body);

    /// <summary>Validates a response body against the response keyed <paramref name="responseKey"/> (<c>"200"</c>, <c>"default"</c>…).</summary>
    public IReadOnlyList<ContractViolation> ResponseErrors(string path, string responseKey, string json) =>
        TryParse(json, out var body, out var error) ? ResponseErrors(path, responseKey, body) : [error];

    /// <inheritdoc cref="ResponseErrors(string, string, string)"/>
    public IReadOnlyList<ContractViolation> ResponseErrors(string path, string responseKey, JToken body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var response = Response(path, responseKey, out var problem);
        if (response is null)
        {
            return [problem!];
        }

        if (response.Content.Count == 0)
        {
            return [];
        }

        var schema = MediaType(response.Content)?.Schema;
        return schema is null ? [] : Validate(schema, body);
    }

    /// <summary>
    /// Checks request headers against the header parameters of <paramref name="path"/>: every required one is
    /// present and every declared one that is present matches its schema. Undeclared headers are ignored.
    /// </summary>
    public IReadOnlyList<ContractViolation> RequestHeaderErrors(string path, IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var operation = Operation(path, out var problem);
        if (operation is null)
        {
            return [problem!];
        }

        var declared = operation.ActualParameters
            .Select(p => p.ActualParameter)
            .Where(p => p.Kind == OpenApiParameterKind.Header)
            .Select(p => (p.Name, p.IsRequired, Schema: p.Schema ?? p.ActualSchema));
        return CheckHeaders(declared, headers);
    }

    /// <summary>Checks response headers against the headers the response for <paramref name="statusCode"/> declares.</summary>
    public IReadOnlyList<ContractViolation> ResponseHeaderErrors(string path, int statusCode, IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var response = Response(path, statusCode.ToString(CultureInfo.InvariantCulture), out var problem);
        if (response is null)
        {
            return [problem!];
        }

        var declared = response.Headers.Select(h =>
        {
            var header = h.Value.ActualParameter;
            return (Name: h.Key, header.IsRequired, Schema: header.Schema ?? header.ActualSchema);
        });
        return CheckHeaders(declared, headers);
    }

    /// <summary>Validates an example fixture against the request or response it is referenced from.</summary>
    public IReadOnlyList<ContractViolation> ExampleErrors(ContractExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        var json = File.ReadAllText(example.FullPath);
        return example.IsRequest ? RequestErrors(example.Path, json) : ResponseErrors(example.Path, example.ResponseKey!, json);
    }

    /// <summary>
    /// The YAML loader turns every enum value into text, and NJsonSchema compares enum values by their
    /// <c>ToString()</c>: numbers and strings survive that, but <c>true</c> would never equal a JSON
    /// <c>true</c> (<c>"True"</c>). Booleans are put back so that <c>enum: [true]</c> means what it says.
    /// </summary>
    private static void RestoreBooleanEnums(OpenApiDocument document)
    {
        var seen = new HashSet<JsonSchema>();
        var pending = new Stack<JsonSchema>(document.Components.Schemas.Values);
        foreach (var operation in document.Operations.Select(o => o.Operation))
        {
            foreach (var parameter in operation.ActualParameters)
            {
                pending.Push(parameter.ActualParameter.Schema ?? parameter.ActualParameter.ActualSchema);
            }

            foreach (var media in operation.ActualRequestBody?.Content.Values ?? [])
            {
                if (media.Schema is { } schema)
                {
                    pending.Push(schema);
                }
            }

            foreach (var media in operation.ActualResponses.Values.SelectMany(r => r.ActualResponse.Content.Values))
            {
                if (media.Schema is { } schema)
                {
                    pending.Push(schema);
                }
            }
        }

        while (pending.TryPop(out var schema))
        {
            if (schema is null || !seen.Add(schema))
            {
                continue;
            }

            if (schema.Type.HasFlag(JsonObjectType.Boolean) && schema.Enumeration.Count > 0)
            {
                var values = schema.Enumeration
                    .Select(v => v is string text && bool.TryParse(text, out var flag) ? flag : v)
                    .ToArray();
                schema.Enumeration.Clear();
                foreach (var value in values)
                {
                    schema.Enumeration.Add(value);
                }
            }

            var children = schema.Properties.Values.Cast<JsonSchema>()
                .Concat(schema.AllOf).Concat(schema.OneOf).Concat(schema.AnyOf).Concat(schema.Items)
                .Append(schema.Not).Append(schema.Item).Append(schema.AdditionalPropertiesSchema).Append(schema.Reference);
            foreach (var child in children)
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static IReadOnlyList<ContractViolation> Validate(JsonSchema schema, JToken body) =>
        Flatten(schema.ActualSchema.Validate(body, SchemaType.OpenApi3), via: null).ToArray();

    private static IEnumerable<ContractViolation> Flatten(IEnumerable<ValidationError> errors, string? via)
    {
        foreach (var error in errors)
        {
            var kind = error.Kind.ToString();
            yield return new ContractViolation(kind, Pointer(error.Path), error.Property, via);
            if (error is ChildSchemaValidationError child)
            {
                var branch = 0;
                foreach (var branchErrors in child.Errors.Values)
                {
                    var label = $"{(via is null ? string.Empty : via + " > ")}{kind}[{branch++}]";
                    foreach (var nested in Flatten(branchErrors, label))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }

    /// <summary>Turns NJsonSchema's <c>#/records[0].id</c> into the JSON pointer <c>/records/0/id</c>.</summary>
    private static string Pointer(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return string.Empty;
        }

        var trimmed = path.TrimStart('#');
        if (trimmed is "/" or "")
        {
            return string.Empty;
        }

        var pointer = trimmed.Replace('.', '/').Replace('[', '/').Replace("]", string.Empty, StringComparison.Ordinal);
        return pointer.StartsWith('/') ? pointer : "/" + pointer;
    }

    private static List<ContractViolation> CheckHeaders(
        IEnumerable<(string Name, bool IsRequired, JsonSchema Schema)> declared, IReadOnlyDictionary<string, string> headers)
    {
        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            lookup[name] = value;
        }

        var violations = new List<ContractViolation>();
        foreach (var (name, isRequired, schema) in declared)
        {
            var pointer = "header:" + name;
            if (!lookup.TryGetValue(name, out var text))
            {
                if (isRequired)
                {
                    violations.Add(new ContractViolation("HeaderMissing", pointer, name));
                }

                continue;
            }

            var actual = schema.ActualSchema;
            JToken value = new JValue(text);
            if (actual.Type.HasFlag(JsonObjectType.Integer) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                value = new JValue(integer);
            }
            else if (actual.Type.HasFlag(JsonObjectType.Number) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                value = new JValue(number);
            }

            violations.AddRange(Validate(actual, value).Select(v => v with { Pointer = pointer + v.Pointer }));
        }

        return violations;
    }

    private static bool TryParse(string json, out JToken body, out ContractViolation error)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            body = JToken.ReadFrom(reader);
            error = null!;
            return true;
        }
        catch (JsonReaderException ex)
        {
            body = JValue.CreateNull();
            error = new ContractViolation("InvalidJson", string.Empty, ex.Message);
            return false;
        }
    }

    private static OpenApiMediaType? MediaType(IDictionary<string, OpenApiMediaType> content) =>
        content.TryGetValue(JsonMediaType, out var json) ? json : content.Values.FirstOrDefault();

    private OpenApiOperation? Operation(string path, out ContractViolation? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        problem = null;
        if (!Document.Paths.TryGetValue(path, out var item) || item.Count == 0)
        {
            problem = new ContractViolation("UndescribedPath", string.Empty, $"{Provider} describes no operation at {path}");
            return null;
        }

        return item.TryGetValue(OpenApiOperationMethod.Post, out var post) ? post : item.Values.First();
    }

    private JsonSchema? RequestSchema(string path, out ContractViolation? problem)
    {
        var operation = Operation(path, out problem);
        if (operation is null)
        {
            return null;
        }

        var schema = operation.ActualRequestBody is { } requestBody ? MediaType(requestBody.Content)?.Schema : null;
        if (schema is null)
        {
            problem = new ContractViolation("UndescribedRequestBody", string.Empty, $"{path} describes no JSON request body");
        }

        return schema;
    }

    private OpenApiResponse? Response(string path, string responseKey, out ContractViolation? problem)
    {
        var operation = Operation(path, out problem);
        if (operation is null)
        {
            return null;
        }

        var responses = operation.ActualResponses;
        var range = responseKey.Length == 3 ? responseKey[0] + "XX" : null;
        if (responses.TryGetValue(responseKey, out var response)
            || (range is not null && responses.TryGetValue(range, out response))
            || responses.TryGetValue("default", out response))
        {
            return response.ActualResponse;
        }

        problem = new ContractViolation("UndescribedStatus", string.Empty, $"{path} describes no response {responseKey} and no default");
        return null;
    }

    private static List<ContractExample> ReadExamples(string provider, string yamlPath)
    {
        var root = ReadRawYaml(yamlPath);
        var directory = Path.GetDirectoryName(yamlPath)!;
        var examples = new List<ContractExample>();
        if (root["paths"] is not JObject paths)
        {
            return examples;
        }

        foreach (var path in paths.Properties())
        {
            foreach (var method in ((JObject)path.Value).Properties().Where(p => p.Value is JObject && IsHttpMethod(p.Name)))
            {
                var operation = (JObject)method.Value;
                var operationId = (string?)operation["operationId"] ?? $"{method.Name} {path.Name}";
                if (Resolve(root, operation["requestBody"]) is JObject requestBody)
                {
                    examples.AddRange(ExamplesOf(root, requestBody, provider, directory, path.Name, operationId, responseKey: null));
                }

                if (operation["responses"] is JObject responses)
                {
                    foreach (var status in responses.Properties())
                    {
                        if (Resolve(root, status.Value) is JObject response)
                        {
                            examples.AddRange(ExamplesOf(root, response, provider, directory, path.Name, operationId, status.Name));
                        }
                    }
                }
            }
        }

        return examples;
    }

    private static IEnumerable<ContractExample> ExamplesOf(
        JObject root, JObject owner, string provider, string directory, string path, string operationId, string? responseKey)
    {
        if (owner["content"] is not JObject content)
        {
            yield break;
        }

        foreach (var media in content.Properties())
        {
            if (media.Value["examples"] is not JObject examples)
            {
                continue;
            }

            foreach (var named in examples.Properties())
            {
                if (Resolve(root, named.Value) is not JObject example || (string?)example["externalValue"] is not { Length: > 0 } file)
                {
                    continue;
                }

                var placeholders = example["x-placeholders"] is JArray list
                    ? list.Select(p => (string)p!).ToArray()
                    : [];
                yield return new ContractExample(
                    provider,
                    path,
                    operationId,
                    responseKey,
                    named.Name,
                    file,
                    Path.GetFullPath(Path.Combine(directory, file)),
                    placeholders);
            }
        }
    }

    private static JToken? Resolve(JObject root, JToken? node)
    {
        for (var hops = 0; hops < 8 && node is JObject obj && (string?)obj["$ref"] is { } reference; hops++)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return null;
            }

            node = reference[2..].Split('/')
                .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
                .Aggregate<string, JToken?>(root, (current, segment) => current?[segment]);
        }

        return node;
    }

    private static bool IsHttpMethod(string name) =>
        name is "get" or "put" or "post" or "delete" or "options" or "head" or "patch" or "trace";

    private static JObject ReadRawYaml(string yamlPath)
    {
        using var reader = new StreamReader(yamlPath);
        var graph = new DeserializerBuilder().Build().Deserialize(reader);
        var json = new SerializerBuilder().JsonCompatible().Build().Serialize(graph!);
        return JObject.Parse(json);
    }
}

/// <summary>One way a JSON value or a header departs from the contract.</summary>
/// <param name="Kind">NJsonSchema's error kind (e.g. <c>NoAdditionalPropertiesAllowed</c>), or one of ours:
/// <c>HeaderMissing</c>, <c>InvalidJson</c>, <c>UndescribedPath</c>, <c>UndescribedStatus</c>,
/// <c>UndescribedRequestBody</c>, <c>NoEncryptedForm</c>.</param>
/// <param name="Pointer">Where: a JSON pointer into the body (<c>/records/0/id</c>; empty for the root), or
/// <c>header:name</c> for a header.</param>
/// <param name="Detail">The property named by the error, or a sentence for our own kinds.</param>
/// <param name="Via">For errors inside a <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c> branch, the chain of branches, e.g. <c>NotOneOf[0]</c>.</param>
internal sealed record ContractViolation(string Kind, string Pointer, string? Detail = null, string? Via = null)
{
    public override string ToString() =>
        $"{Kind} at '{Pointer}'{(Detail is null ? string.Empty : $" ({Detail})")}{(Via is null ? string.Empty : $" in {Via}")}";
}

/// <summary>An example fixture referenced from a contract through <c>externalValue</c>.</summary>
/// <param name="Provider">The provider folder, e.g. <c>cmfbl</c>.</param>
/// <param name="Path">The operation's path.</param>
/// <param name="OperationId">The operation's id.</param>
/// <param name="ResponseKey">The response key (<c>"200"</c>, <c>"default"</c>…), or <see langword="null"/> for a request example.</param>
/// <param name="Name">The example's name in the contract.</param>
/// <param name="File">The file as the contract names it, relative to the YAML file.</param>
/// <param name="FullPath">The file's full path.</param>
/// <param name="Placeholders">JSON pointers of members whose value is a placeholder, not wire data
/// (<c>x-placeholders</c>): validation errors there are expected.</param>
internal sealed record ContractExample(
    string Provider,
    string Path,
    string OperationId,
    string? ResponseKey,
    string Name,
    string File,
    string FullPath,
    IReadOnlyList<string> Placeholders)
{
    public bool IsRequest => ResponseKey is null;

    /// <summary>Gets a key unique within one contract: path, request or response key, and example name.</summary>
    public string Key => $"{Path} {ResponseKey ?? "request"} {Name}";

    public override string ToString() => $"{Provider}/{File} ({OperationId} {(IsRequest ? "request" : ResponseKey)})";
}
