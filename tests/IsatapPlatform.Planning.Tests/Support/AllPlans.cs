using IsatapPlatform.Contracts.Plans;

namespace IsatapPlatform.Planning.Tests.Support;

/// <summary>Every plan the tests build, built once.</summary>
internal static class AllPlans
{
    private static readonly Lazy<IReadOnlyList<(string Name, Plan Plan)>> _all = new(() =>
    {
        var list = new List<(string, Plan)>();
        foreach (var (t, m, os) in Requests.AllCombinations())
        {
            list.Add(($"deploy {t} {m} {os}", Requests.Plan(Requests.Deploy(t, m, os))));
            list.Add(($"decommission {t} {m} {os}", Requests.Plan(Requests.Decommission(t, m, os))));
        }
        foreach (var t in Requests.Topologies)
            list.Add(($"decommission {t} without targets", Requests.Plan(Requests.Decommission(t, null))));
        foreach (var m in Requests.Methods)
        {
            var mixed = Requests.Deploy(Topology.Nlb, m, Requests.OsFamilies);
            list.Add(($"deploy nlb {m} all OS families", Requests.Plan(mixed)));
            var global = Requests.Deploy(Topology.SingleServer, m) with { Router = new RouterSpec { Name = "isatap", AllowGlobalName = true } };
            list.Add(($"deploy global name {m}", Requests.Plan(global)));
        }
        list.Add(("deploy local DNS server", Requests.Plan(Requests.Deploy() with { Deployment = Requests.Deployment(Topology.SingleServer) with { DnsServer = null }, DirectAccessClient = null })));
        return list;
    });

    public static IReadOnlyList<(string Name, Plan Plan)> All => _all.Value;
}
