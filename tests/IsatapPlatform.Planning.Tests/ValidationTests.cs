using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Tests.Support;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Planning.Tests;

/// <summary>Field errors are keyed by JSON path with stable codes.</summary>
public class ValidationTests
{
    private static IReadOnlyList<FieldError> Errors(PlanRequest r) => IsatapPlanner.Validate(r).Errors;

    private static void AssertError(PlanRequest r, string path, string code)
    {
        var errors = Errors(r);
        Assert.True(errors.Any(e => e.Path == path && e.Code == code),
            $"expected {path} {code}; got: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Code}"))}");
    }

    [Fact]
    public void A_valid_request_has_no_errors() => Assert.True(IsatapPlanner.Validate(Requests.Deploy()).IsValid);

    [Fact]
    public void A_null_body_is_required() => Assert.Equal(ValidationCodes.Required, Assert.Single(Errors(null!)).Code);

    [Fact]
    public void An_empty_request_lists_every_required_field()
    {
        var paths = Errors(new PlanRequest()).Select(e => e.Path).ToHashSet();
        Assert.Contains("mode", paths);
        Assert.Contains("deployment", paths);
    }

    [Fact]
    public void The_global_name_is_refused_in_deploy_mode()
        => AssertError(Requests.Deploy() with { Router = new RouterSpec { Name = "ISATAP" } }, "router.name", ValidationCodes.RouterGlobalName);

    [Fact]
    public void The_global_name_is_accepted_with_allowGlobalName()
        => Assert.True(IsatapPlanner.Validate(Requests.Deploy() with { Router = new RouterSpec { Name = "isatap", AllowGlobalName = true } }).IsValid);

    [Fact]
    public void The_global_name_is_refused_in_decommission_mode_even_with_allowGlobalName()
        => AssertError(Requests.Decommission() with { Router = new RouterSpec { Name = "isatap", AllowGlobalName = true } }, "router.name", ValidationCodes.RouterGlobalName);

    [Theory]
    [InlineData("isatap-mo.corp", ValidationCodes.DnsLabelInvalid)]
    [InlineData("-isatap", ValidationCodes.DnsLabelInvalid)]
    [InlineData("isatap_mo", ValidationCodes.DnsLabelInvalid)]
    [InlineData("", ValidationCodes.DnsLabelInvalid)]
    public void Router_names_are_single_rfc1123_labels(string name, string code)
        => AssertError(Requests.Deploy() with { Router = new RouterSpec { Name = name } }, "router.name", code);

    [Theory]
    [InlineData("DA 01")]
    [InlineData("ABCDEFGHIJKLMNOP")]
    [InlineData("12345")]
    [InlineData("da01.")]
    [InlineData("da01..corp")]
    public void Server_names_must_be_computer_names(string name)
    {
        var r = Requests.Deploy();
        r = r with { Deployment = r.Deployment! with { Servers = [new ServerSpec { Name = name, InternalIpv4 = "10.0.0.1" }] } };
        AssertError(r, "deployment.servers[0].name", ValidationCodes.ComputerNameInvalid);
    }

    [Theory]
    [InlineData("10.0.0", ValidationCodes.Ipv4Invalid)]
    [InlineData("010.0.0.1", ValidationCodes.Ipv4Invalid)]
    [InlineData("10.0.0.256", ValidationCodes.Ipv4Invalid)]
    [InlineData("0.0.0.0", ValidationCodes.Ipv4NotUnicast)]
    [InlineData("127.0.0.1", ValidationCodes.Ipv4NotUnicast)]
    [InlineData("224.0.0.1", ValidationCodes.Ipv4NotUnicast)]
    [InlineData("255.255.255.255", ValidationCodes.Ipv4NotUnicast)]
    public void Server_addresses_are_unicast_ipv4_literals(string address, string code)
    {
        var r = Requests.Deploy();
        r = r with { Deployment = r.Deployment! with { Servers = [new ServerSpec { Name = "DA01", InternalIpv4 = address }] } };
        AssertError(r, "deployment.servers[0].internalIpv4", code);
    }

    [Theory]
    [InlineData("2002:836b:1::/48", "prefix.length")]
    [InlineData("2002:836b:1:8000::1/64", "prefix.host-bits")]
    [InlineData("2002:836b:1:8000::", "prefix.invalid")]
    [InlineData("fe80::/64", ValidationCodes.PrefixNotRoutable)]
    [InlineData("ff02::/64", ValidationCodes.PrefixNotRoutable)]
    public void The_isatap_prefix_is_a_routable_64(string prefix, string code)
    {
        var r = Requests.Deploy();
        AssertError(r with { Deployment = r.Deployment! with { IsatapPrefix = prefix } }, "deployment.isatapPrefix", code);
    }

    [Theory]
    [InlineData("CORP\\DA;Manage")]
    [InlineData("CORP\\")]
    [InlineData("CORP\\DA Manage Out ")]
    [InlineData("CO RP\\DA")]
    [InlineData("A\\B\\C")]
    public void Security_groups_use_the_documented_character_set(string group)
        => AssertError(Requests.Deploy() with { GroupPolicy = Requests.GroupPolicy with { SecurityGroup = group } }, "groupPolicy.securityGroup", ValidationCodes.GroupNameInvalid);

    [Theory]
    [InlineData("OU=Help\\,desk,DC=corp,DC=com")]
    [InlineData("OU=Helpdesk")]
    [InlineData("DC=corp,OU=Helpdesk")]
    [InlineData("OU=Helpdesk, DC=corp")]
    [InlineData("O=Org,DC=corp")]
    [InlineData("OU=Help+desk,DC=corp")]
    [InlineData("OU=Helpdesk,DC=co rp")]
    public void Link_targets_are_distinguished_names_in_the_safe_subset(string dn)
        => AssertError(Requests.Deploy() with { GroupPolicy = Requests.GroupPolicy with { LinkTo = dn } }, "groupPolicy.linkTo", ValidationCodes.DistinguishedNameInvalid);

    [Theory]
    [InlineData("OU=Helpdesk,DC=corp,DC=contoso,DC=com")]
    [InlineData("DC=corp,DC=contoso,DC=com")]
    [InlineData("OU=Tier 1,OU=Helpdesk,DC=corp")]
    [InlineData("CN=Computers,DC=corp")]
    public void Ordinary_distinguished_names_are_accepted(string dn) => Assert.True(NameRules.IsDistinguishedName(dn));

    [Fact]
    public void The_group_policy_method_needs_its_group_and_link()
    {
        var r = Requests.Deploy() with { GroupPolicy = new GroupPolicySpec() };
        AssertError(r, "groupPolicy.securityGroup", ValidationCodes.Required);
        AssertError(r, "groupPolicy.linkTo", ValidationCodes.Required);
    }

    [Fact]
    public void The_gpo_name_defaults()
    {
        var plan = Requests.Plan(Requests.Deploy() with { GroupPolicy = Requests.GroupPolicy with { Name = null } });
        Assert.Contains("'DirectAccess Manage Out'", plan.Steps.Single(s => s.Id == "group-policy-create").Powershell, StringComparison.Ordinal);
    }

    [Fact]
    public void Nlb_needs_a_virtual_ip_and_two_servers()
    {
        var r = Requests.Deploy(Topology.Nlb);
        AssertError(r with { Deployment = r.Deployment! with { VirtualIpv4 = null } }, "deployment.virtualIpv4", ValidationCodes.Required);
        AssertError(r with { Deployment = r.Deployment! with { Servers = [r.Deployment.Servers![0]] } }, "deployment.servers", ValidationCodes.TooFew);
    }

    [Fact]
    public void Single_server_has_one_server() => AssertError(
        Requests.Deploy() with { Deployment = Requests.Deployment(Topology.Nlb) with { Topology = Topology.SingleServer } }, "deployment.servers", ValidationCodes.TooMany);

    [Theory]
    [InlineData(Topology.ExternalLoadBalancer)]
    [InlineData(Topology.Multisite)]
    public void External_load_balancer_and_multisite_need_a_standalone_router(Topology topology)
        => AssertError(Requests.Deploy(topology) with { Router = new RouterSpec { Name = "isatap-mo" } }, "router.server", ValidationCodes.Required);

    [Fact]
    public void Duplicates_are_refused()
    {
        var r = Requests.Deploy(Topology.Nlb);
        AssertError(r with { Deployment = r.Deployment! with { Servers = [new() { Name = "DA01", InternalIpv4 = "10.0.0.1" }, new() { Name = "da01.corp", InternalIpv4 = "10.0.0.1" }] } },
            "deployment.servers[1].name", ValidationCodes.Duplicate);
        AssertError(r with { Targets = [new() { Name = "H1", Os = Os.Windows11 }, new() { Name = "h1", Os = Os.Windows11 }] }, "targets[1].name", ValidationCodes.Duplicate);
    }

    [Fact]
    public void Deploy_needs_targets_and_a_method()
    {
        AssertError(Requests.Deploy() with { Targets = [] }, "targets", ValidationCodes.TooFew);
        AssertError(Requests.Deploy() with { Method = null }, "method", ValidationCodes.Required);
    }

    [Fact]
    public void Enum_values_outside_the_contract_are_refused()
    {
        AssertError(Requests.Deploy() with { Mode = (PlanMode)7 }, "mode", ValidationCodes.EnumInvalid);
        AssertError(Requests.Deploy() with { Targets = [new() { Name = "H1", Os = (Os)99 }] }, "targets[0].os", ValidationCodes.EnumInvalid);
    }

    [Fact]
    public void Very_long_values_get_their_own_code()
    {
        var r = Requests.Deploy();
        AssertError(r with { Deployment = r.Deployment! with { DnsZone = new string('a', 300) } }, "deployment.dnsZone", ValidationCodes.TooLong);
    }

    [Fact]
    public void Problem_errors_group_messages_and_codes_by_path()
    {
        var result = IsatapPlanner.Validate(Requests.Deploy() with { Router = new RouterSpec { Name = "isatap" } });
        Assert.Equal([ValidationCodes.RouterGlobalName], result.ToProblemCodes()["router.name"]);
        Assert.Single(result.ToProblemErrors()["router.name"]);
    }

    [Fact]
    public void Fields_that_do_not_apply_are_ignored_with_a_warning()
    {
        var r = Requests.Deploy(Topology.SingleServer, ConfigurationMethod.Powershell) with { GroupPolicy = Requests.GroupPolicy };
        r = r with { Deployment = r.Deployment! with { VirtualIpv4 = "10.0.0.10" } };
        var plan = Requests.Plan(r);
        var ignored = plan.Warnings.Where(w => w.Code == WarningCodes.IgnoredField).Select(w => w.Message).ToArray();
        Assert.Contains(ignored, m => m.Contains("deployment.virtualIpv4", StringComparison.Ordinal));
        Assert.Contains(ignored, m => m.Contains("groupPolicy", StringComparison.Ordinal));
    }
}
