namespace IsatapPlatform.Api.Tests.Diagnostics;

/// <summary>Evidence as hosts produce it: the JSON the collector (windows.ps1) prints, in the shapes of REFERENCE §6.</summary>
internal static class Evidence
{
    /// <summary>A healthy Windows 10 22H2 manage-out host pointed at isatap-mo.corp.contoso.com (10.0.0.1).</summary>
    public const string HealthyManagementHostCollector = """
        {
          "schemaVersion": 1,
          "collector": "IsatapPlatform windows.ps1",
          "collectedAtUtc": "2026-11-26T08:00:00.0000000Z",
          "computerName": "HELPDESK01",
          "powershellVersion": "5.1.19041.4648",
          "os": { "caption": "Microsoft Windows 10 Enterprise", "version": "10.0.19045", "buildNumber": 19045, "productType": 1, "displayVersion": "22H2", "releaseId": "2009" },
          "isatapConfiguration": { "state": "Enabled", "router": "isatap-mo.corp.contoso.com", "resolutionState": "Default", "resolutionIntervalSeconds": "" },
          "isatapPolicy": { "state": null, "routerName": null },
          "interfaces": [
            {
              "interfaceIndex": 12, "interfaceAlias": "isatap.corp.contoso.com", "interfaceDescription": "Microsoft ISATAP Adapter #2",
              "interfaceGuid": "{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}", "kind": "isatap", "connectionState": "Connected",
              "forwarding": "Disabled", "advertising": "Disabled", "advertiseDefaultRoute": "Disabled", "nlMtu": 1280,
              "addresses": [
                { "ipAddress": "fd7f:f787:2112:1:0:5efe:10.0.0.5", "prefixLength": 64, "addressState": "Preferred", "prefixOrigin": "RouterAdvertisement", "suffixOrigin": "Link" },
                { "ipAddress": "fe80::5efe:10.0.0.5%12", "prefixLength": 128, "addressState": "Preferred", "prefixOrigin": "WellKnown", "suffixOrigin": "Link" }
              ],
              "routes": [
                { "destinationPrefix": "::/0", "nextHop": "fe80::5efe:10.0.0.1", "publish": "No", "routeMetric": 256 },
                { "destinationPrefix": "fd7f:f787:2112:1::/64", "nextHop": "::", "publish": "No", "routeMetric": 256 }
              ]
            }
          ],
          "disabledComponents": { "present": false, "value": null },
          "ipHelper": { "status": "Running", "startType": "Automatic" },
          "routerResolution": { "name": "isatap-mo.corp.contoso.com", "source": "isatap-configuration", "isIpv4Literal": false, "addresses": "10.0.0.1", "error": null },
          "dnsClient": { "disableParallelAandAAAA": null, "disableNRPTForAdapterRegistration": null },
          "remoteAccess": null,
          "firewallRules": [],
          "netshInterfaces": null,
          "netshAddresses": null,
          "errors": []
        }
        """;

    /// <summary>DirectAccess server DA01 after a reboot: its two ISATAP interfaces (internal adapter 10.0.0.1 at index 13,
    /// external adapter 131.107.0.1 at index 15) and forwarding lost on the internal one (REFERENCE §5.3).</summary>
    public const string DirectAccessServerWithoutForwardingCollector = """
        {
          "schemaVersion": 1,
          "collector": "IsatapPlatform windows.ps1",
          "computerName": "DA01",
          "powershellVersion": "5.1.17763.1",
          "os": { "caption": "Microsoft Windows Server 2019 Standard", "version": "10.0.17763", "buildNumber": "17763", "productType": 3, "displayVersion": "", "releaseId": "1809" },
          "isatapConfiguration": { "state": "Default", "router": "" },
          "isatapPolicy": {},
          "interfaces": [
            {
              "interfaceIndex": 13, "interfaceAlias": "isatap.{6B5B1F0C-2E4A-4A7F-9C1D-3E2F1A0B9C8D}", "interfaceDescription": "Microsoft ISATAP Adapter",
              "kind": "isatap", "connectionState": "Connected", "forwarding": "Disabled", "advertising": "Enabled", "nlMtu": 1280,
              "addresses": [
                { "ipAddress": "fe80::5efe:10.0.0.1%13", "prefixLength": 128, "addressState": "Preferred" },
                { "ipAddress": "fd7f:f787:2112:1:0:5efe:10.0.0.1", "prefixLength": 64, "addressState": "Preferred" }
              ],
              "routes": { "destinationPrefix": "fd7f:f787:2112:1::/64", "nextHop": "::", "publish": "Yes", "routeMetric": 256 }
            },
            {
              "interfaceIndex": 15, "interfaceAlias": "isatap.{9A8B7C6D-5E4F-4321-8765-0FEDCBA98765}", "interfaceDescription": "Microsoft ISATAP Adapter #2",
              "kind": "isatap", "connectionState": "Connected", "forwarding": "Disabled", "advertising": "Disabled", "nlMtu": 1280,
              "addresses": { "ipAddress": "fe80::200:5efe:131.107.0.1%15", "prefixLength": 128, "addressState": "Preferred" },
              "routes": []
            }
          ],
          "disabledComponents": { "present": false },
          "ipHelper": { "status": "Running", "startType": "Automatic" },
          "routerResolution": { "name": "isatap", "source": "default", "isIpv4Literal": false, "addresses": [], "error": "isatap : DNS name does not exist" },
          "dnsClient": {},
          "remoteAccess": { "internalIpv6Prefix": "fd7f:f787:2112:1::/64", "internalInterface": "Internal", "internalInterfaceGuid": "{6B5B1F0C-2E4A-4A7F-9C1D-3E2F1A0B9C8D}", "internalIpv4": "10.0.0.1" },
          "firewallRules": [],
          "errors": []
        }
        """;
}
