namespace IsatapPlatform.Diagnostics.Tests.Support;

/// <summary>netsh and Get-NetIPAddress output in the shapes of REFERENCE §6.2-§6.4.</summary>
internal static class Text
{
    /// <summary>Real shape with a Chinese header and English state values (REFERENCE §6.2).</summary>
    public const string NetshInterfacesChinese = """

        Idx     Met         MTU          状态                名称
        ---  ----------  ----------  ------------  ---------------------------
          1          75  4294967295  connected     Loopback Pseudo-Interface 1
          9          75        1280  disconnected  isatap.{2B8B139B-418D-4593-A2DC-4F43D31A1833}
          6          75        1280  connected     Teredo Tunneling Pseudo-Interface
          5           5        1500  disconnected  以太网 2

        """;

    public const string NetshInterfacesEnglish = """

        Idx     Met         MTU          State                Name
        ---  ----------  ----------  ------------  ---------------------------
          1          75  4294967295  connected     Loopback Pseudo-Interface 1
          9          75        1280  disconnected  isatap.{2B8B139B-418D-4593-A2DC-4F43D31A1833}
          6          75        1280  connected     Teredo Tunneling Pseudo-Interface
          5           5        1500  connected     Ethernet

        """;

    /// <summary>REFERENCE §6.3 shape (column spacing from real rows).</summary>
    public const string NetshAddresses = """

        Interface 1: Loopback Pseudo-Interface 1

        Addr Type  DAD State   Valid Life Pref. Life Address
        ---------  ----------- ---------- ---------- ------------------------
        Other      Preferred     infinite   infinite ::1

        Interface 12: isatap.corp.contoso.com

        Addr Type  DAD State   Valid Life Pref. Life Address
        ---------  ----------- ---------- ---------- ------------------------
        Public     Preferred  6d23h57m58s   23h49m3s fd7f:f787:2112:1:0:5efe:10.0.0.5
        Other      Preferred     infinite   infinite fe80::5efe:10.0.0.5%12

        Interface 13: isatap.{2B8B139B-418D-4593-A2DC-4F43D31A1833}

        Addr Type  DAD State   Valid Life Pref. Life Address
        ---------  ----------- ---------- ---------- ------------------------
        Other      Deprecated    infinite   infinite fe80::5efe:192.168.56.1%13

        """;

    /// <summary>The real REFERENCE §6.4 sample, plus the same host's Teredo address.</summary>
    public const string GetNetIPAddress = """

        IPAddress         : fe80::5efe:10.10.207.81%6
        InterfaceIndex    : 6
        InterfaceAlias    : Reusable ISATAP Interface {90ABCE23-305A-4BDE-AA39-4FFDA7413134}
        AddressFamily     : IPv6
        Type              : Unicast
        PrefixLength      : 128
        PrefixOrigin      : WellKnown
        SuffixOrigin      : Link
        AddressState      : Deprecated
        ValidLifetime     : Infinite ([TimeSpan]::MaxValue)
        PreferredLifetime : Infinite ([TimeSpan]::MaxValue)
        SkipAsSource      : False
        PolicyStore       : ActiveStore

        IPAddress         : 2001:0:2851:782c:842:cb5:f5f5:30ae
        InterfaceIndex    : 7
        InterfaceAlias    : Teredo Tunneling Pseudo-Interface
        AddressFamily     : IPv6
        Type              : Unicast
        PrefixLength      : 64
        PrefixOrigin      : RouterAdvertisement
        SuffixOrigin      : Link
        AddressState      : Preferred
        ValidLifetime     : Infinite ([TimeSpan]::MaxValue)
        PreferredLifetime : Infinite ([TimeSpan]::MaxValue)
        SkipAsSource      : False
        PolicyStore       : ActiveStore

        """;

    public const string GetNetIPAddressWrapped = """
        IPAddress         : fe80::5efe:10.10.207.81%6
        InterfaceIndex    : 6
        InterfaceAlias    : Reusable ISATAP Interface {90ABCE23-305A-4BDE-AA39-4FF
                            DA7413134}
        AddressState      : Preferred
        """;

    /// <summary>Get-NetIPAddress of a host whose ISATAP interface has only its link-local address.</summary>
    public const string GetNetIPAddressLinkLocalOnly = """
        IPAddress         : fe80::5efe:10.0.0.5%12
        InterfaceIndex    : 12
        InterfaceAlias    : isatap.corp.contoso.com
        AddressFamily     : IPv6
        Type              : Unicast
        PrefixLength      : 128
        PrefixOrigin      : WellKnown
        SuffixOrigin      : Link
        AddressState      : Preferred
        ValidLifetime     : Infinite ([TimeSpan]::MaxValue)
        PreferredLifetime : Infinite ([TimeSpan]::MaxValue)
        SkipAsSource      : False
        PolicyStore       : ActiveStore
        """;
}
