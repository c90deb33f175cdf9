using IsatapPlatform.Addressing;
using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Planning.Validation;

/// <summary>Checks a <see cref="PlanRequest"/> field by field. Every value that can reach a script is
/// checked against <see cref="NameRules"/> or parsed by the addressing library; errors are keyed by JSON
/// path (<c>deployment.servers[0].name</c>) with a stable code from <see cref="ValidationCodes"/>.</summary>
public static class PlanRequestValidator
{
    /// <summary>Most DirectAccess servers a plan accepts.</summary>
    public const int MaxServers = 64;
    /// <summary>Most targets a plan accepts.</summary>
    public const int MaxTargets = 1000;
    /// <summary>The default GPO name.</summary>
    public const string DefaultGpoName = "DirectAccess Manage Out";

    /// <summary>Validates <paramref name="request"/>.</summary>
    public static ValidationResult Validate(PlanRequest? request) => new(Check(request).Errors);

    /// <summary>Validates and, when valid, returns the typed spec the builder uses.</summary>
    internal static (IReadOnlyList<FieldError> Errors, PlanSpec? Spec) Check(PlanRequest? request)
    {
        var v = new Run();
        var spec = v.Check(request);
        return (v.Errors, v.Errors.Count > 0 ? null : spec);
    }

    private sealed class Run
    {
        public readonly List<FieldError> Errors = [];
        private readonly List<PlanWarning> _warnings = [];

        private void Error(string path, string code, string message) => Errors.Add(new FieldError(path, code, message));

        private void Ignored(string path, string why)
            => _warnings.Add(new PlanWarning(WarningCodes.IgnoredField, $"'{path}' was ignored: {why}."));

        public PlanSpec? Check(PlanRequest? r)
        {
            if (r is null)
            {
                Error("", ValidationCodes.Required, "The request body is required.");
                return null;
            }

            var mode = Enum(r.Mode, "mode");
            var d = r.Deployment;
            Topology? topology = null;
            IReadOnlyList<HostSpec> servers = [];
            IPv4Address? vip = null;
            IPv6Prefix prefix = default;
            string? zone = null, dnsServer = null;
            if (d is null) Error("deployment", ValidationCodes.Required, "The deployment is required.");
            else
            {
                topology = Enum(d.Topology, "deployment.topology");
                servers = Servers(d.Servers, "deployment.servers", topology);
                if (d.VirtualIpv4 is not null)
                {
                    vip = Ipv4(d.VirtualIpv4, "deployment.virtualIpv4");
                    if (topology is not null and not Topology.Nlb) Ignored("deployment.virtualIpv4", "only the nlb topology uses a virtual IPv4");
                }
                else if (topology == Topology.Nlb) Error("deployment.virtualIpv4", ValidationCodes.Required, "The nlb topology needs the cluster's internal virtual IPv4.");
                prefix = Prefix(d.IsatapPrefix, "deployment.isatapPrefix");
                zone = Fqdn(d.DnsZone, "deployment.dnsZone", required: true);
                if (d.DnsServer is not null) dnsServer = DnsServer(d.DnsServer, "deployment.dnsServer");
            }

            var targets = Targets(r.Targets, mode);
            bool needsRouter = mode == PlanMode.Deploy || targets.Count > 0;

            ConfigurationMethod? method = null;
            if (r.Method is not null)
            {
                method = Enum(r.Method, "method");
                if (!needsRouter) Ignored("method", "a decommission plan without targets configures no host");
            }
            else if (targets.Count > 0 || mode == PlanMode.Deploy) Error("method", ValidationCodes.Required, "The configuration method is required.");

            string? routerLabel = null;
            bool allowGlobal = false;
            HostSpec? standalone = null;
            var router = r.Router;
            bool standaloneNeeded = needsRouter && topology is Topology.ExternalLoadBalancer or Topology.Multisite;
            if (router is null)
            {
                if (needsRouter) Error("router", ValidationCodes.Required, "The router name is required.");
                if (standaloneNeeded) Error("router.server", ValidationCodes.Required, "The external-load-balancer and multisite topologies need a standalone ISATAP router (router.server).");
            }
            else
            {
                routerLabel = RouterName(router, mode, needsRouter);
                allowGlobal = router.AllowGlobalName && mode == PlanMode.Deploy;
                if (router.AllowGlobalName && mode == PlanMode.Decommission) Ignored("router.allowGlobalName", "a decommission plan never keeps the global name");
                if (routerLabel is not null && zone is not null && routerLabel.Length + 1 + zone.Length > NameRules.MaxFqdnLength)
                    Error("router.name", ValidationCodes.FqdnInvalid, "The router FQDN (router.name.deployment.dnsZone) is longer than 253 characters.");
                if (router.Server is not null)
                {
                    standalone = Host(router.Server, "router.server");
                    if (!standaloneNeeded && topology is not null) Ignored("router.server", "only the external-load-balancer and multisite topologies use a standalone ISATAP router");
                }
                else if (standaloneNeeded) Error("router.server", ValidationCodes.Required, "The external-load-balancer and multisite topologies need a standalone ISATAP router (router.server).");
            }

            GpoSpec? gpo = null;
            if (method == ConfigurationMethod.GroupPolicy && needsRouter)
                gpo = GroupPolicy(r.GroupPolicy, "groupPolicy", required: true);
            else if (r.GroupPolicy is not null)
            {
                GroupPolicy(r.GroupPolicy, "groupPolicy", required: false);
                Ignored("groupPolicy", "only the group-policy method uses it");
            }

            string? client = null;
            if (r.DirectAccessClient is not null)
            {
                client = Fqdn(r.DirectAccessClient, "directAccessClient", required: false);
                if (!needsRouter) Ignored("directAccessClient", "a decommission plan without targets verifies no host");
            }

            foreach (var s in servers.Concat(standalone is null ? [] : [standalone]))
                if (s.Ipv4.IsGlobal)
                    _warnings.Add(new PlanWarning(WarningCodes.PublicInternalIpv4,
                        $"{s.Name}: {s.Ipv4} is a globally routable address; Microsoft warns that ISATAP may fail when the DirectAccess server's internal interface has a public IPv4 (REFERENCE §5.2)."));

            if (Errors.Count > 0) return null;
            return new PlanSpec(mode!.Value, topology!.Value, servers, vip, prefix, zone!, dnsServer,
                needsRouter ? routerLabel : null, allowGlobal, standaloneNeeded ? standalone : null,
                needsRouter ? method : null, targets, gpo, needsRouter ? client : null, _warnings);
        }

        private T? Enum<T>(T? value, string path) where T : struct, System.Enum
        {
            if (value is null)
            {
                Error(path, ValidationCodes.Required, $"'{path}' is required: one of {string.Join(", ", ContractNames.All<T>())}.");
                return null;
            }
            if (!ContractNames.IsDefined(value.Value))
            {
                Error(path, ValidationCodes.EnumInvalid, $"'{path}' must be one of {string.Join(", ", ContractNames.All<T>())}.");
                return null;
            }
            return value;
        }

        private bool Length(string s, string path, int max)
        {
            if (s.Length <= max) return true;
            Error(path, ValidationCodes.TooLong, $"'{path}' is longer than {max} characters.");
            return false;
        }

        private string? Fqdn(string? s, string path, bool required)
        {
            if (s is null)
            {
                if (required) Error(path, ValidationCodes.Required, $"'{path}' is required.");
                return null;
            }
            if (!Length(s, path, NameRules.MaxFqdnLength)) return null;
            if (NameRules.IsFqdn(s)) return s;
            Error(path, ValidationCodes.FqdnInvalid, $"'{path}' must be an RFC 1123 host name or FQDN: letters, digits and '-' in dot-separated labels of 1-63 characters, no trailing dot.");
            return null;
        }

        private string? ComputerName(string? s, string path)
        {
            if (s is null) { Error(path, ValidationCodes.Required, $"'{path}' is required."); return null; }
            if (!Length(s, path, NameRules.MaxFqdnLength)) return null;
            if (NameRules.IsComputerName(s)) return s;
            Error(path, ValidationCodes.ComputerNameInvalid, $"'{path}' must be a computer name of up to 15 letters, digits and '-' (not all digits), or an RFC 1123 FQDN whose first label is one.");
            return null;
        }

        private string? DnsServer(string s, string path)
        {
            if (!Length(s, path, NameRules.MaxFqdnLength)) return null;
            if (NameRules.IsFqdn(s)) return s;
            if (IPv4Address.TryParse(s, out var a)) return IsUnicast(a) ? a.ToString() : NotUnicast(path);
            Error(path, ValidationCodes.DnsServerInvalid, $"'{path}' must be an RFC 1123 host name/FQDN or an IPv4 address.");
            return null;
        }

        private static bool IsUnicast(IPv4Address a)
            => !a.IsUnspecified && !a.IsLoopback && !a.IsMulticast && !a.IsBroadcast && !a.IsReserved;

        private string? NotUnicast(string path)
        {
            Error(path, ValidationCodes.Ipv4NotUnicast, $"'{path}' must be a unicast address (not 0.0.0.0, loopback, multicast, reserved or broadcast).");
            return null;
        }

        private IPv4Address? Ipv4(string? s, string path)
        {
            if (s is null) { Error(path, ValidationCodes.Required, $"'{path}' is required."); return null; }
            if (!Length(s, path, 15)) return null;
            if (!IPv4Address.TryParse(s.AsSpan(), out var a, out var failure))
            {
                Error(path, ValidationCodes.Ipv4Invalid, $"'{path}' is not an IPv4 address: {failure.Message}.");
                return null;
            }
            if (!IsUnicast(a)) { NotUnicast(path); return null; }
            return a;
        }

        private IPv6Prefix Prefix(string? s, string path)
        {
            if (s is null) { Error(path, ValidationCodes.Required, $"'{path}' is required: the ISATAP /64, e.g. 2002:836b:1:8000::/64."); return default; }
            if (!Length(s, path, 64)) return default;
            if (!IPv6Prefix.TryParse(s.AsSpan(), PrefixParseMode.Strict, out var p, out var failure))
            {
                Error(path, failure.Code, $"'{path}' is not an IPv6 prefix: {failure.Message}.");
                return default;
            }
            if (p.Length != 64)
            {
                Error(path, AddressError.WrongPrefixLength.ToCode(), $"'{path}' must be a /64: ISATAP addresses are a /64 prefix plus the ISATAP interface identifier (RFC 5214 §6.1).");
                return default;
            }
            var network = p.Address;
            if (network.IsLinkLocal || network.IsMulticast || network.High == 0)
            {
                Error(path, ValidationCodes.PrefixNotRoutable, $"'{path}' must be a global or unique-local unicast prefix, not link-local, multicast or ::/64.");
                return default;
            }
            return p;
        }

        private HostSpec? Host(ServerSpec? s, string path)
        {
            if (s is null) { Error(path, ValidationCodes.Required, $"'{path}' is required."); return null; }
            var name = ComputerName(s.Name, path + ".name");
            var ip = Ipv4(s.InternalIpv4, path + ".internalIpv4");
            return name is null || ip is null ? null : new HostSpec(name, ip.Value);
        }

        private IReadOnlyList<HostSpec> Servers(IReadOnlyList<ServerSpec>? list, string path, Topology? topology)
        {
            if (list is null || list.Count == 0)
            {
                Error(path, ValidationCodes.Required, $"'{path}' needs at least one DirectAccess server.");
                return [];
            }
            if (list.Count > MaxServers) { Error(path, ValidationCodes.TooMany, $"'{path}' has more than {MaxServers} servers."); return []; }
            if (topology == Topology.SingleServer && list.Count > 1) Error(path, ValidationCodes.TooMany, "The single-server topology has exactly one DirectAccess server.");
            if (topology == Topology.Nlb && list.Count < 2) Error(path, ValidationCodes.TooFew, "The nlb topology needs at least two DirectAccess servers.");
            var result = new List<HostSpec>(list.Count);
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var ips = new HashSet<IPv4Address>();
            for (int i = 0; i < list.Count; i++)
            {
                var h = Host(list[i], $"{path}[{i}]");
                if (h is null) continue;
                if (!names.Add(h.ComputerName)) Error($"{path}[{i}].name", ValidationCodes.Duplicate, $"'{h.ComputerName}' appears twice in '{path}'.");
                if (!ips.Add(h.Ipv4)) Error($"{path}[{i}].internalIpv4", ValidationCodes.Duplicate, $"{h.Ipv4} appears twice in '{path}'.");
                result.Add(h);
            }
            return result;
        }

        private IReadOnlyList<TargetHost> Targets(IReadOnlyList<TargetSpec>? list, PlanMode? mode)
        {
            if (list is null || list.Count == 0)
            {
                if (mode == PlanMode.Deploy) Error("targets", ValidationCodes.TooFew, "A deploy plan needs at least one manage-out host in 'targets'.");
                else if (mode == PlanMode.Decommission) _warnings.Add(new PlanWarning(WarningCodes.NoManageOutHosts,
                    "No targets: after this plan no host keeps ISATAP for manage-out. List the hosts that still need it in 'targets' to move them to a unique router name first."));
                return [];
            }
            if (list.Count > MaxTargets) { Error("targets", ValidationCodes.TooMany, $"'targets' has more than {MaxTargets} hosts."); return []; }
            var result = new List<TargetHost>(list.Count);
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < list.Count; i++)
            {
                var t = list[i];
                string path = $"targets[{i}]";
                if (t is null) { Error(path, ValidationCodes.Required, $"'{path}' is null."); continue; }
                var name = ComputerName(t.Name, path + ".name");
                var os = Enum(t.Os, path + ".os");
                if (name is null || os is null) continue;
                var host = new TargetHost(name, os.Value);
                if (!names.Add(host.ComputerName)) { Error(path + ".name", ValidationCodes.Duplicate, $"'{host.ComputerName}' appears twice in 'targets'."); continue; }
                result.Add(host);
            }
            return result;
        }

        private string? RouterName(RouterSpec router, PlanMode? mode, bool needed)
        {
            const string path = "router.name";
            if (router.Name is null)
            {
                if (needed) Error(path, ValidationCodes.Required, "'router.name' is required: a unique DNS label such as 'isatap-mo'.");
                return null;
            }
            if (!Length(router.Name, path, 63)) return null;
            if (!NameRules.IsDnsLabel(router.Name))
            {
                Error(path, ValidationCodes.DnsLabelInvalid, "'router.name' must be one RFC 1123 DNS label (1-63 letters, digits and '-'); the FQDN is formed with deployment.dnsZone.");
                return null;
            }
            if (router.Name.Equals("isatap", StringComparison.OrdinalIgnoreCase))
            {
                if (mode == PlanMode.Decommission)
                {
                    Error(path, ValidationCodes.RouterGlobalName, "In a decommission plan 'router.name' is the unique name the remaining manage-out hosts move to; it cannot be the global name 'isatap' that is being removed.");
                    return null;
                }
                if (!router.AllowGlobalName)
                {
                    Error(path, ValidationCodes.RouterGlobalName, "'isatap' is the name every Windows host looks up by default: publishing it enables ISATAP on every IPv6 host that resolves it. Choose a unique name (e.g. 'isatap-mo'), or set router.allowGlobalName to true to accept the risk.");
                    return null;
                }
            }
            if (!needed) Ignored("router", "a decommission plan without targets moves no host to a new router name");
            return router.Name;
        }

        private GpoSpec? GroupPolicy(GroupPolicySpec? g, string path, bool required)
        {
            if (g is null)
            {
                if (required) Error(path, ValidationCodes.Required, "The group-policy method needs 'groupPolicy' with securityGroup and linkTo.");
                return null;
            }
            string? name = DefaultGpoName;
            if (g.Name is not null)
            {
                name = Length(g.Name, path + ".name", NameRules.MaxGpoNameLength) ? g.Name : null;
                if (name is not null && !NameRules.IsGpoName(name))
                {
                    Error(path + ".name", ValidationCodes.GpoNameInvalid, "'groupPolicy.name' may contain only letters, digits, spaces and . _ - ( ), up to 128 characters, without leading or trailing spaces.");
                    name = null;
                }
            }
            string? group = null;
            if (g.SecurityGroup is null) Error(path + ".securityGroup", ValidationCodes.Required, "'groupPolicy.securityGroup' is required: the group whose members alone apply the GPO.");
            else if (Length(g.SecurityGroup, path + ".securityGroup", NameRules.MaxComputerNameLength + 1 + NameRules.MaxGroupNameLength))
            {
                if (NameRules.IsGroupName(g.SecurityGroup)) group = g.SecurityGroup;
                else Error(path + ".securityGroup", ValidationCodes.GroupNameInvalid, "'groupPolicy.securityGroup' must be 'DOMAIN\\Group' or 'Group': the group name has 1-64 letters, digits, spaces and . _ -, not starting or ending with a space or dot.");
            }
            string? dn = null;
            if (g.LinkTo is null) Error(path + ".linkTo", ValidationCodes.Required, "'groupPolicy.linkTo' is required: the distinguished name of the OU or domain to link the GPO to.");
            else if (Length(g.LinkTo, path + ".linkTo", NameRules.MaxDistinguishedNameLength))
            {
                if (NameRules.IsDistinguishedName(g.LinkTo)) dn = g.LinkTo;
                else Error(path + ".linkTo", ValidationCodes.DistinguishedNameInvalid, "'groupPolicy.linkTo' must be a distinguished name like 'OU=Helpdesk,DC=corp,DC=contoso,DC=com': OU/CN/DC components of letters, digits, spaces and . _ -, no escapes, ending in DC components.");
            }
            return name is null || group is null || dn is null ? null : new GpoSpec(name, group, dn);
        }
    }
}
