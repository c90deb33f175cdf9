namespace IsatapPlatform.Diagnostics.Tests.Support;

/// <summary>ipconfig /all in the shapes of REFERENCE §6.1. Label text, dot leaders and spacing of the English
/// lines are exact; the localized lines use the labels REFERENCE §6.1 quotes from real output (German, French,
/// Chinese, Japanese), and the labels it does not quote are plausible stand-ins (the parser does not key on them).
/// Addresses and names are made up.</summary>
internal static class Ipconfig
{
    public const string Guid = "{501DF89C-22DB-4782-9151-634C06421220}";

    public const string WindowsIpConfiguration = """

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
           DHCPv6 IAID . . . . . . . . . . . : 100668765
           DNS Servers . . . . . . . . . . . : 10.0.0.53
                                               10.0.0.54
           NetBIOS over Tcpip. . . . . . . . : Enabled

        Wireless LAN adapter Wi-Fi:

           Connection-specific DNS Suffix  . : guest.contoso.com
           Description . . . . . . . . . . . : Intel(R) Wi-Fi 6 AX201 160MHz
           Physical Address. . . . . . . . . : 3C-58-C2-11-22-33
           DHCP Enabled. . . . . . . . . . . : Yes
           Autoconfiguration Enabled . . . . : Yes
           IPv4 Address. . . . . . . . . . . : 192.168.50.23(Preferred) 
           Subnet Mask . . . . . . . . . . . : 255.255.255.0
           Lease Obtained. . . . . . . . . . : Thursday, November 26, 2026 7:14:02 AM
           Lease Expires . . . . . . . . . . : Friday, November 27, 2026 7:14:01 AM
           Default Gateway . . . . . . . . . : 192.168.50.1
           DHCP Server . . . . . . . . . . . : 192.168.50.1
           DNS Servers . . . . . . . . . . . : 192.168.50.1
           NetBIOS over Tcpip. . . . . . . . : Enabled

        """;

    /// <summary>Connected manage-out host with a router (REFERENCE §6.1 synthesized shape; trailing spaces after (Preferred)).</summary>
    public const string IsatapConnected = """
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

    public const string Teredo = """
        Tunnel adapter Teredo Tunneling Pseudo-Interface:

           Connection-specific DNS Suffix  . : 
           Description . . . . . . . . . . . : Teredo Tunneling Pseudo-Interface
           Physical Address. . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP Enabled. . . . . . . . . . . : No
           Autoconfiguration Enabled . . . . : Yes
           IPv6 Address. . . . . . . . . . . : 2001:0:2851:782c:842:cb5:f5f5:30ae(Preferred) 
           Link-local IPv6 Address . . . . . : fe80::842:cb5:f5f5:30ae%14(Preferred) 
           Default Gateway . . . . . . . . . : ::
           DHCPv6 IAID . . . . . . . . . . . : 134217728
           NetBIOS over Tcpip. . . . . . . . : Disabled

        """;

    /// <summary>The most common shape (REFERENCE §6.1): Windows 7-10, disconnected.</summary>
    public const string IsatapDisconnected = """
        Tunnel adapter isatap.{501DF89C-22DB-4782-9151-634C06421220}:

           Media State . . . . . . . . . . . : Media disconnected
           Connection-specific DNS Suffix  . : 
           Description . . . . . . . . . . . : Microsoft ISATAP Adapter #2
           Physical Address. . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP Enabled. . . . . . . . . . . : No
           Autoconfiguration Enabled . . . . : Yes

        """;

    public const string IsatapLinkLocalOnly = """
        Tunnel adapter isatap.corp.contoso.com:

           Connection-specific DNS Suffix  . : corp.contoso.com
           Description . . . . . . . . . . . : Microsoft ISATAP Adapter #2
           Physical Address. . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP Enabled. . . . . . . . . . . : No
           Autoconfiguration Enabled . . . . : Yes
           Link-local IPv6 Address . . . . . : fe80::5efe:10.0.0.5%12(Preferred) 
           Default Gateway . . . . . . . . . : 
           DNS Servers . . . . . . . . . . . : 10.0.0.53
           NetBIOS over Tcpip. . . . . . . . : Disabled

        """;

    public const string IsatapDeprecated = """
        Tunnel adapter isatap.corp.contoso.com:

           Connection-specific DNS Suffix  . : corp.contoso.com
           Description . . . . . . . . . . . : Microsoft ISATAP Adapter #2
           Physical Address. . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP Enabled. . . . . . . . . . . : No
           Autoconfiguration Enabled . . . . : Yes
           Link-local IPv6 Address . . . . . : fe80::5efe:10.0.0.5%12(Deprecated) 
           Default Gateway . . . . . . . . . : 
           NetBIOS over Tcpip. . . . . . . . : Disabled

        """;

    public const string IsatapNoGateway = """
        Tunnel adapter isatap.corp.contoso.com:

           Connection-specific DNS Suffix  . : corp.contoso.com
           Description . . . . . . . . . . . : Microsoft ISATAP Adapter #2
           Physical Address. . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP Enabled. . . . . . . . . . . : No
           Autoconfiguration Enabled . . . . : Yes
           IPv6 Address. . . . . . . . . . . : fd7f:f787:2112:1:0:5efe:10.0.0.5(Preferred) 
           Link-local IPv6 Address . . . . . : fe80::5efe:10.0.0.5%12(Preferred) 
           Default Gateway . . . . . . . . . : 
           NetBIOS over Tcpip. . . . . . . . : Disabled

        """;

    /// <summary>Vista, connected, real sample (REFERENCE §6.1), with the description and the state wrapped at 80 columns as copied from the console.</summary>
    public const string VistaWrapped = """
        Tunnel adapter Local Area Connection* 9:

           Connection-specific DNS Suffix  . :
           Description . . . . . . . . . . . : isatap.{CA09D971-196A-4428-A7CE-03491AA7C
        B73}
           Physical Address. . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP Enabled. . . . . . . . . . . : No
           Autoconfiguration Enabled . . . . : Yes
           Link-local IPv6 Address . . . . . : fe80::5efe:10.0.2.15%12(Pre
        erred)
           Default Gateway . . . . . . . . . :
           DNS Servers . . . . . . . . . . . : 10.0.2.3
           NetBIOS over Tcpip. . . . . . . . : Disabled
        """;

    /// <summary>Windows XP/2003 (REFERENCE §6.1): no state suffix, 0:5efe even for a public IPv4.</summary>
    public const string WindowsXp = """
        Tunnel adapter Automatic Tunneling Pseudo-Interface:

           Connection-specific DNS Suffix  . :
           Description . . . . . . . . . . . : Automatic Tunneling Pseudo-Interface
           Physical Address. . . . . . . . . : D8-98-BD-42
           Dhcp Enabled. . . . . . . . . . . : No
           IP Address. . . . . . . . . . . . : fe80::5efe:216.152.189.66%2
           Default Gateway . . . . . . . . . :
           DNS Servers . . . . . . . . . . . : fec0:0:0:ffff::1%1
           NetBIOS over Tcpip. . . . . . . . : Disabled
        """;

    public const string GermanDisconnected = """
        Tunneladapter isatap.{501DF89C-22DB-4782-9151-634C06421220}:

           Medienstatus. . . . . . . . . . . : Medium getrennt
           Verbindungsspezifisches DNS-Suffix: 
           Beschreibung. . . . . . . . . . . : Microsoft-ISATAP-Adapter #6
           Physische Adresse . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP aktiviert. . . . . . . . . . : Nein
           Autokonfiguration aktiviert . . . : Ja

        """;

    public const string GermanLinkLocalOnly = """
        Tunneladapter isatap.corp.contoso.com:

           Verbindungsspezifisches DNS-Suffix: corp.contoso.com
           Beschreibung. . . . . . . . . . . : Microsoft-ISATAP-Adapter #6
           Physische Adresse . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP aktiviert. . . . . . . . . . : Nein
           Autokonfiguration aktiviert . . . : Ja
           Verbindungslokale IPv6-Adresse  . : fe80::5efe:10.0.0.5%12(Bevorzugt) 
           Standardgateway . . . . . . . . . : 
           NetBIOS über TCP/IP . . . . . . . : Deaktiviert

        """;

    public const string GermanHealthy = """
        Tunneladapter isatap.corp.contoso.com:

           Verbindungsspezifisches DNS-Suffix: corp.contoso.com
           Beschreibung. . . . . . . . . . . : Microsoft-ISATAP-Adapter #6
           Physische Adresse . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP aktiviert. . . . . . . . . . : Nein
           Autokonfiguration aktiviert . . . : Ja
           IPv6-Adresse. . . . . . . . . . . : fd7f:f787:2112:1:0:5efe:10.0.0.5(Bevorzugt) 
           Verbindungslokale IPv6-Adresse  . : fe80::5efe:10.0.0.5%12(Bevorzugt) 
           Standardgateway . . . . . . . . . : fe80::5efe:10.0.0.1%12
           NetBIOS über TCP/IP . . . . . . . : Deaktiviert

        """;

    public const string FrenchDisconnected = """
        Carte Tunnel isatap.{501DF89C-22DB-4782-9151-634C06421220} :

           Statut du média. . . . . . . . . . . . : Média déconnecté
           Suffixe DNS propre à la connexion. . . : 
           Description. . . . . . . . . . . . . . : Carte Microsoft ISATAP
           Adresse physique . . . . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP activé. . . . . . . . . . . . . . : Non
           Configuration automatique activée. . . : Oui

        """;

    public const string FrenchLinkLocalOnly = """
        Carte Tunnel isatap.corp.contoso.com :

           Suffixe DNS propre à la connexion. . . : corp.contoso.com
           Description. . . . . . . . . . . . . . : Carte Microsoft ISATAP #2
           Adresse physique . . . . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP activé. . . . . . . . . . . . . . : Non
           Configuration automatique activée. . . : Oui
           Adresse IPv6 de liaison locale. . . . .: fe80::5efe:10.0.0.5%12(préféré) 
           Passerelle par défaut. . . . . . . . . : 
           NetBIOS sur Tcpip. . . . . . . . . . . : Désactivé

        """;

    public const string ChineseDisconnected = """
        隧道适配器 isatap.corp.contoso.com:

           媒体状态  . . . . . . . . . . . . : 媒体已断开
           连接特定的 DNS 后缀 . . . . . . . : corp.contoso.com
           描述. . . . . . . . . . . . . . . : Microsoft ISATAP Adapter #3
           物理地址. . . . . . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP 已启用 . . . . . . . . . . . : 否
           自动配置已启用. . . . . . . . . . : 是

        """;

    public const string ChineseLinkLocalOnly = """
        隧道适配器 isatap.corp.contoso.com:

           连接特定的 DNS 后缀 . . . . . . . : corp.contoso.com
           描述. . . . . . . . . . . . . . . : Microsoft ISATAP Adapter #3
           物理地址. . . . . . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP 已启用 . . . . . . . . . . . : 否
           自动配置已启用. . . . . . . . . . : 是
           本地链接 IPv6 地址. . . . . . . . : fe80::5efe:10.0.0.5%12(首选) 
           默认网关. . . . . . . . . . . . . : 
           TCPIP 上的 NetBIOS  . . . . . . . : 已禁用

        """;

    /// <summary>Japanese: the header stays English, the labels are localized (REFERENCE §6.1).</summary>
    public const string JapaneseDisconnected = """
        Tunnel adapter isatap.workgroup:

           メディアの状態. . . . . . . . . . : メディアは接続されていません
           接続固有の DNS サフィックス . . . : workgroup
           説明. . . . . . . . . . . . . . . : Microsoft ISATAP Adapter
           物理アドレス. . . . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP 有効 . . . . . . . . . . . . : いいえ
           自動構成有効. . . . . . . . . . . : はい

        """;

    public const string JapaneseLinkLocalOnly = """
        Tunnel adapter isatap.workgroup:

           接続固有の DNS サフィックス . . . : workgroup
           説明. . . . . . . . . . . . . . . : Microsoft ISATAP Adapter
           物理アドレス. . . . . . . . . . . : 00-00-00-00-00-00-00-E0
           DHCP 有効 . . . . . . . . . . . . : いいえ
           自動構成有効. . . . . . . . . . . : はい
           リンクローカル IPv6 アドレス. . . : fe80::5efe:10.0.0.5%12(優先) 
           デフォルト ゲートウェイ . . . . . : 
           Tcpip 経由の NetBIOS . . . . . . : 無効

        """;

    public static string Document(params string[] adapters) => WindowsIpConfiguration + string.Concat(adapters);

    /// <summary>Every localized variant of one situation, for theories: (language, text).</summary>
    public static TheoryData<string, string> DisconnectedVariants() => new()
    {
        { "en", Document(IsatapDisconnected, Teredo) },
        { "de", GermanDisconnected },
        { "fr", FrenchDisconnected },
        { "zh", ChineseDisconnected },
        { "ja", JapaneseDisconnected },
    };

    public static TheoryData<string, string> LinkLocalOnlyVariants() => new()
    {
        { "en", Document(IsatapLinkLocalOnly, Teredo) },
        { "de", GermanLinkLocalOnly },
        { "fr", FrenchLinkLocalOnly },
        { "zh", ChineseLinkLocalOnly },
        { "ja", JapaneseLinkLocalOnly },
        { "vista-wrapped", VistaWrapped },
    };

    /// <summary>A realistic 200-line ipconfig /all: a server with several LAN adapters, ISATAP interfaces and Teredo.</summary>
    public static string TwoHundredLines()
    {
        var sb = new System.Text.StringBuilder(WindowsIpConfiguration).Append(IsatapConnected).Append(Teredo);
        for (int n = 1; sb.ToString().Split('\n').Length < 200; n++)
            sb.Append(IsatapDisconnected.Replace("{501DF89C", $"{{{n:D4}DF89C", StringComparison.Ordinal).Replace("#2", $"#{n + 2}", StringComparison.Ordinal));
        return string.Join('\n', sb.ToString().Split('\n').Take(200));
    }
}
