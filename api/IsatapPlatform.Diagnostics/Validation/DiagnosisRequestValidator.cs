using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Diagnostics.Validation;

/// <summary>A request after validation: the host name fits <see cref="NameRules"/>, the expected values are parsed.
/// Evidence is not validated for content (it is hostile data, read by the parsers), only for size.</summary>
internal sealed record DiagnosisSpec(
    string HostName, HostRole Role, string? RouterName, IPv4Address? RouterIpv4, IPv6Prefix? IsatapPrefix,
    Topology? Topology, HostEvidence Evidence)
{
    /// <summary>The NetBIOS-style name <c>$env:COMPUTERNAME</c> is compared with.</summary>
    public string ComputerName => NameRules.FirstLabel(HostName);
}

/// <summary>Checks a <see cref="DiagnosisRequest"/> field by field, with the plan engine's <see cref="FieldError"/>
/// shape and <see cref="ValidationCodes"/>: errors are keyed by JSON path (<c>expected.routerIpv4</c>,
/// <c>evidence.collector.interfaces[3].addresses</c>).</summary>
public static class DiagnosisRequestValidator
{
    /// <summary>Longest text evidence field, in characters (a 200-line <c>ipconfig /all</c> is about 10,000).</summary>
    public const int MaxTextLength = 512 * 1024;
    /// <summary>Most interfaces in a collector document.</summary>
    public const int MaxInterfaces = 256;
    /// <summary>Most addresses, routes, rules or errors in one collector list.</summary>
    public const int MaxListItems = 1024;

    /// <summary>Validates <paramref name="request"/>.</summary>
    public static ValidationResult Validate(DiagnosisRequest? request) => new(Check(request).Errors);

    internal static (IReadOnlyList<FieldError> Errors, DiagnosisSpec? Spec) Check(DiagnosisRequest? request)
    {
        var errors = new List<FieldError>();
        void Error(string path, string code, string message) => errors.Add(new FieldError(path, code, message));

        if (request is null)
        {
            Error("", ValidationCodes.Required, "The request body is required.");
            return (errors, null);
        }

        string? hostName = null;
        HostRole? role = null;
        if (request.Host is not { } host) Error("host", ValidationCodes.Required, "'host' is required: { \"name\": \"HELPDESK01\", \"role\": \"management-host\" }.");
        else
        {
            if (host.Name is null) Error("host.name", ValidationCodes.Required, "'host.name' is required: the remediation scripts refuse to run on any other computer.");
            else if (host.Name.Length > NameRules.MaxFqdnLength) Error("host.name", ValidationCodes.TooLong, "'host.name' is longer than 253 characters.");
            else if (!NameRules.IsComputerName(host.Name)) Error("host.name", ValidationCodes.ComputerNameInvalid, "'host.name' must be a computer name (up to 15 letters, digits and '-', not all digits) or an FQDN whose first label is one.");
            else hostName = host.Name;

            if (host.Role is null) Error("host.role", ValidationCodes.Required, "'host.role' is required: management-host, directaccess-server, isatap-router or directaccess-client.");
            else if (!ContractNames.IsDefined(host.Role.Value)) Error("host.role", ValidationCodes.EnumInvalid, "'host.role' is not a contract value.");
            else role = host.Role;
        }

        string? routerName = null;
        IPv4Address? routerIpv4 = null;
        IPv6Prefix? prefix = null;
        Topology? topology = null;
        if (request.Expected is { } x)
        {
            if (x.RouterName is not null)
            {
                if (x.RouterName.Length > NameRules.MaxFqdnLength) Error("expected.routerName", ValidationCodes.TooLong, "'expected.routerName' is longer than 253 characters.");
                else if (!NameRules.IsFqdn(x.RouterName)) Error("expected.routerName", ValidationCodes.FqdnInvalid, "'expected.routerName' must be an RFC 1123 host name or FQDN such as isatap-mo.corp.contoso.com (for an IPv4 literal use expected.routerIpv4).");
                else routerName = x.RouterName;
            }
            if (x.RouterIpv4 is not null)
            {
                if (x.RouterIpv4.Length > 15) Error("expected.routerIpv4", ValidationCodes.TooLong, "'expected.routerIpv4' is longer than an IPv4 address.");
                else if (!IPv4Address.TryParse(x.RouterIpv4.AsSpan(), out var a, out var failure)) Error("expected.routerIpv4", ValidationCodes.Ipv4Invalid, $"'expected.routerIpv4' is not an IPv4 address: {failure.Message}.");
                else if (a.IsUnspecified || a.IsLoopback || a.IsMulticast || a.IsBroadcast || a.IsReserved) Error("expected.routerIpv4", ValidationCodes.Ipv4NotUnicast, "'expected.routerIpv4' must be a unicast address (not 0.0.0.0, loopback, multicast, reserved or broadcast).");
                else routerIpv4 = a;
            }
            if (x.IsatapPrefix is not null)
            {
                if (x.IsatapPrefix.Length > 64) Error("expected.isatapPrefix", ValidationCodes.TooLong, "'expected.isatapPrefix' is longer than an IPv6 prefix.");
                else if (!IPv6Prefix.TryParse(x.IsatapPrefix.AsSpan(), PrefixParseMode.Strict, out var p, out var failure)) Error("expected.isatapPrefix", failure.Code, $"'expected.isatapPrefix' is not an IPv6 prefix: {failure.Message}.");
                else if (p.Length != 64) Error("expected.isatapPrefix", AddressError.WrongPrefixLength.ToCode(), "'expected.isatapPrefix' must be a /64: ISATAP addresses are a /64 prefix plus the ISATAP interface identifier (RFC 5214 §6.1).");
                else if (p.Address.IsLinkLocal || p.Address.IsMulticast || p.Address.High == 0) Error("expected.isatapPrefix", ValidationCodes.PrefixNotRoutable, "'expected.isatapPrefix' must be a global or unique-local unicast prefix, not link-local, multicast or ::/64.");
                else prefix = p;
            }
            if (x.Topology is { } t)
            {
                if (!ContractNames.IsDefined(t)) Error("expected.topology", ValidationCodes.EnumInvalid, "'expected.topology' is not a contract value.");
                else topology = t;
            }
        }

        var evidence = request.Evidence;
        if (evidence is null) Error("evidence", ValidationCodes.Required, "'evidence' is required: at least one of ipconfigAll, netshInterfaces, netshAddresses, getNetIpAddress or collector.");
        else
        {
            bool any = false;
            void Text(string? value, string path)
            {
                if (string.IsNullOrWhiteSpace(value)) return;
                any = true;
                if (value.Length > MaxTextLength) Error(path, ValidationCodes.TooLong, $"'{path}' is longer than {MaxTextLength} characters.");
            }
            Text(evidence.IpconfigAll, "evidence.ipconfigAll");
            Text(evidence.NetshInterfaces, "evidence.netshInterfaces");
            Text(evidence.NetshAddresses, "evidence.netshAddresses");
            Text(evidence.GetNetIpAddress, "evidence.getNetIpAddress");
            if (evidence.Collector is { } c)
            {
                any = true;
                Collector(c, Error);
            }
            if (!any) Error("evidence", ValidationCodes.Required, "'evidence' needs at least one of ipconfigAll, netshInterfaces, netshAddresses, getNetIpAddress or collector.");
        }

        if (errors.Count > 0 || hostName is null || role is null || evidence is null) return (errors, null);
        return (errors, new DiagnosisSpec(hostName, role.Value, routerName, routerIpv4, prefix, topology, evidence));
    }

    private static void Collector(CollectorEvidence c, Action<string, string, string> error)
    {
        const string root = "evidence.collector";
        void Count<T>(IReadOnlyList<T>? list, string path, int max)
        {
            if (list is not null && list.Count > max) error(path, ValidationCodes.TooMany, $"'{path}' has more than {max} items.");
        }
        void Length(string? value, string path)
        {
            if (value is not null && value.Length > MaxTextLength) error(path, ValidationCodes.TooLong, $"'{path}' is longer than {MaxTextLength} characters.");
        }
        Count(c.Interfaces, root + ".interfaces", MaxInterfaces);
        if (c.Interfaces is { Count: <= MaxInterfaces } list)
            for (int i = 0; i < list.Count; i++)
            {
                Count(list[i].Addresses, $"{root}.interfaces[{i}].addresses", MaxListItems);
                Count(list[i].Routes, $"{root}.interfaces[{i}].routes", MaxListItems);
            }
        Count(c.FirewallRules, root + ".firewallRules", MaxListItems);
        Count(c.Errors, root + ".errors", MaxListItems);
        Count(c.RouterResolution?.Addresses, root + ".routerResolution.addresses", MaxListItems);
        Count(c.RemoteAccess?.InternalIpv4, root + ".remoteAccess.internalIpv4", MaxListItems);
        Length(c.NetshInterfaces, root + ".netshInterfaces");
        Length(c.NetshAddresses, root + ".netshAddresses");
    }
}
