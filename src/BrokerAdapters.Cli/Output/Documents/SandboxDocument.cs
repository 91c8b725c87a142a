using Newtonsoft.Json.Linq;

namespace BrokerAdapters.Cli.Output.Documents;

/// <summary>What <c>sandbox --json</c> prints once the sandbox listens: its URLs, its throwaway credentials, a configuration.</summary>
internal sealed record SandboxDocument(Uri BaseUrl, SandboxCmfblDocument Cmfbl, SandboxMcCrmDocument McCrm, JObject AppSettings);

/// <summary>The sandbox's CMFBL: one base URL for the Manager and Client APIs, and its companies.</summary>
internal sealed record SandboxCmfblDocument(string BaseUrl, IReadOnlyList<SandboxCompanyDocument> Companies);

/// <summary>One CMFBL company of the sandbox, with its throwaway app credentials.</summary>
internal sealed record SandboxCompanyDocument(string CompanyId, string AppId, string AppSecret, string PublicKeyPem, int Customers);

/// <summary>The sandbox's MC-CRM, with its throwaway merchant token and key.</summary>
internal sealed record SandboxMcCrmDocument(string BaseUrl, string Token, string BizName, string PublicKeyPem, int Customers);
