using System.Text.Json.Nodes;

namespace IsatapPlatform.Api.Tests.IsatapPlans;

/// <summary>Plan request bodies as a client writes them (the JSON of issue 4), to change one thing at a time.</summary>
internal static class PlanBodies
{
    /// <summary>The contract example of issue 4: one DirectAccess server, Group Policy, one Windows 10 1703+ helpdesk host.</summary>
    public static JsonObject Deploy() => Parse("""
        {"mode":"deploy",
         "deployment":{"topology":"single-server","servers":[{"name":"DA01","internalIpv4":"10.0.0.1"}],
           "isatapPrefix":"2002:836b:1:8000::/64","dnsZone":"corp.contoso.com","dnsServer":"DC01"},
         "router":{"name":"isatap-mo"},
         "method":"group-policy",
         "targets":[{"name":"HELPDESK01","os":"windows-10-1703-or-later"}],
         "groupPolicy":{"name":"DirectAccess Manage Out","securityGroup":"CORP\\DA Manage Out","linkTo":"OU=Helpdesk,DC=corp,DC=contoso,DC=com"}}
        """);

    /// <summary>Decommission a global ISATAP deployment; HELPDESK01 keeps ISATAP under the unique name isatap-mo.</summary>
    public static JsonObject Decommission() => Parse("""
        {"mode":"decommission",
         "deployment":{"topology":"single-server","servers":[{"name":"DA01","internalIpv4":"10.0.0.1"}],
           "isatapPrefix":"2002:836b:1:8000::/64","dnsZone":"corp.contoso.com","dnsServer":"DC01"},
         "router":{"name":"isatap-mo"},
         "method":"powershell",
         "targets":[{"name":"HELPDESK01","os":"windows-11"}]}
        """);

    /// <summary>A deploy body with two DirectAccess servers for the nlb, external-load-balancer and multisite topologies.</summary>
    public static JsonObject DeployOn(string topology)
    {
        var body = Deploy();
        var deployment = body["deployment"]!.AsObject();
        deployment["topology"] = topology;
        deployment["servers"] = new JsonArray(
            new JsonObject { ["name"] = "DA01", ["internalIpv4"] = "10.0.0.1" },
            new JsonObject { ["name"] = "DA02", ["internalIpv4"] = "10.0.0.2" });
        if (topology == "nlb") deployment["virtualIpv4"] = "10.0.0.10";
        else body["router"]!["server"] = new JsonObject { ["name"] = "ISATAP01", ["internalIpv4"] = "10.0.0.20" };
        return body;
    }

    /// <summary>A copy of <paramref name="body"/> changed by <paramref name="change"/>.</summary>
    public static JsonObject With(this JsonObject body, Action<JsonObject> change)
    {
        var copy = body.DeepClone().AsObject();
        change(copy);
        return copy;
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
