using System.Text;
using IsatapPlatform.Contracts.Diagnostics;

namespace IsatapPlatform.Diagnostics.Examples;

/// <summary>Realistic requests in the shapes of REFERENCE §6 (English Windows; addresses and names made up), for
/// OpenAPI examples and benchmarks.</summary>
public static class DiagnosisExamples
{
    private const string Header = """

        Windows IP Configuration

           Host Name . . . . . . . . . . . . : HELPDESK01
           Primary Dns Suffix  . . . . . . . : corp.contoso.com
           Node Type . . . . . . . . . . . . : Hybrid
           IP Routing Enabled. . . . . . . . : No
           WINS Proxy Enabled. . . . . . . . : No
           DNS Suffix Search List. . . . . . : corp.contoso.com

        Ethernet adapter Ethernet:

           Connection-specific DNS Suffix  . : corp.contoso.com
           Description . . . . . . . . . . . : Intel(R) 82574L Gigabit Network Connection
           Physical Address. . . . . . . . . : 00-15-5D-01-02-03
           DHCP Enabled. . . . . . . . . . . : No
           Autoconfiguration Enabled . . . . : Yes
           Link-local IPv6 Address . . . . . : fe80::8d4c:2f1:b3d2:1a5e%6(Preferred) 
           IPv4 Address. . . . . . . . . . . : 10.0.0.5(Preferred) 
           Subnet Mask . . . . . . . . . . . : 255.255.255.0
           Default Gateway . . . . . . . . . : 10.0.0.254
           DNS Servers . . . . . . . . . . . : 10.0.0.53
           NetBIOS over Tcpip. . . . . . . . : Enabled

        """;

    private const string IsatapConnected = """
        Tunnel adapter isatap.corp.contoso.com:

           Connection-specific DNS Suffix  . : corp.contoso.com
           Description . . . . . . . . . . . : Microsoft ISATAP Adapter #2
           Physical Address. . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP Enabled. . . . . . . . . . . : No
           Autoconfiguration Enabled . . . . : Yes
           IPv6 Address. . . . . . . . . . . : fd7f:f787:2112:1:0:5efe:10.0.0.5(Preferred) 
           Link-local IPv6 Address . . . . . : fe80::5efe:10.0.0.5%12(Preferred) 
           Default Gateway . . . . . . . . . : fe80::5efe:10.0.0.1%12
           DNS Servers . . . . . . . . . . . : 10.0.0.53
           NetBIOS over Tcpip. . . . . . . . : Disabled

        """;

    private const string IsatapDisconnected = """
        Tunnel adapter isatap.{501DF89C-22DB-4782-9151-634C06421220}:

           Media State . . . . . . . . . . . : Media disconnected
           Connection-specific DNS Suffix  . : 
           Description . . . . . . . . . . . : Microsoft ISATAP Adapter #3
           Physical Address. . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP Enabled. . . . . . . . . . . : No
           Autoconfiguration Enabled . . . . : Yes

        """;

    /// <summary>An <c>ipconfig /all</c> of exactly 200 lines: a LAN adapter, a connected ISATAP adapter and many
    /// disconnected ISATAP adapters (one per IPv4-enabled adapter, REFERENCE §2.3).</summary>
    public static string TwoHundredLineIpconfig()
    {
        var sb = new StringBuilder(Header).Append(IsatapConnected);
        int lines = Count(sb);
        for (int n = 1; lines < 200; n++)
        {
            sb.Append(IsatapDisconnected.Replace("{501DF89C", "{" + n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "DF89C", StringComparison.Ordinal));
            lines = Count(sb);
        }
        return string.Join('\n', sb.ToString().Split('\n').Take(200));
    }

    private static int Count(StringBuilder sb)
    {
        int n = 1;
        for (int i = 0; i < sb.Length; i++) if (sb[i] == '\n') n++;
        return n;
    }

    /// <summary>The expected configuration of the examples: router isatap-mo.corp.contoso.com at 10.0.0.1, prefix fd7f:f787:2112:1::/64.</summary>
    public static ExpectedConfiguration Expected() => new() { RouterName = "isatap-mo.corp.contoso.com", RouterIpv4 = "10.0.0.1", IsatapPrefix = "fd7f:f787:2112:1::/64" };

    /// <summary>A management host diagnosed from a 200-line <c>ipconfig /all</c> (the benchmark's input).</summary>
    public static DiagnosisRequest ManagementHostFromIpconfig() => new()
    {
        Host = new DiagnosedHost { Name = "HELPDESK01", Role = HostRole.ManagementHost },
        Expected = Expected(),
        Evidence = new HostEvidence { IpconfigAll = TwoHundredLineIpconfig() },
    };

    /// <summary>A management host whose ISATAP adapter is disconnected (the most common case).</summary>
    public static DiagnosisRequest DisconnectedManagementHost() => new()
    {
        Host = new DiagnosedHost { Name = "HELPDESK01", Role = HostRole.ManagementHost },
        Expected = Expected(),
        Evidence = new HostEvidence { IpconfigAll = Header + IsatapDisconnected },
    };
}
