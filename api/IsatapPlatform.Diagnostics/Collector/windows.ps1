<#
.SYNOPSIS
    Collects read-only ISATAP / DirectAccess manage-out evidence and prints one JSON document.

.DESCRIPTION
    IsatapPlatform evidence collector, schema version 1. Send the output, unchanged, as evidence.collector to
    POST /api/v1/diagnostics. The script only reads: it changes no setting, installs no module and writes no
    file. It runs on Windows PowerShell 5.1 and PowerShell 7 on Windows 8 / Server 2012 or later; on older
    systems the NetTCPIP cmdlets are missing and it sends the text of netsh instead. Run it elevated: some
    items (Get-RemoteAccess, firewall rules) need administrator rights. Items that cannot be read are listed
    in "errors" and left null.

    Enum values are written with [string] casts because ConvertTo-Json writes enums as numbers. Arrays are
    built with @() so a single item stays an array.

.PARAMETER RouterName
    Optional: the ISATAP router name to resolve when the host has none configured yet.

.EXAMPLE
    powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\windows.ps1 > evidence.json
#>
[CmdletBinding()]
param(
    [string] $RouterName
)

$ErrorActionPreference = 'Stop'

$evidence = [ordered]@{
    schemaVersion       = 1
    collector           = 'IsatapPlatform windows.ps1'
    collectedAtUtc      = [DateTime]::UtcNow.ToString('o')
    computerName        = $env:COMPUTERNAME
    powershellVersion   = [string]$PSVersionTable.PSVersion
    os                  = $null
    isatapConfiguration = $null
    isatapPolicy        = $null
    interfaces          = $null
    disabledComponents  = $null
    ipHelper            = $null
    routerResolution    = $null
    dnsClient           = $null
    remoteAccess        = $null
    firewallRules       = $null
    netshInterfaces     = $null
    netshAddresses      = $null
    errors              = @()
}

function Add-CollectorError {
    param([string] $Item, $ErrorRecord)
    $script:evidence.errors += [ordered]@{ item = $Item; message = [string]$ErrorRecord.Exception.Message }
}

function Get-RegistryValue {
    # Returns the value, or $null when the key or the value does not exist.
    param([string] $Path, [string] $Name)
    $item = Get-ItemProperty -Path $Path -Name $Name -ErrorAction SilentlyContinue
    if ($null -eq $item) { return $null }
    return $item.$Name
}

function ConvertTo-UInt32 {
    # Get-ItemProperty returns a REG_DWORD as a signed Int32 (0xFFFFFFFF reads as -1).
    param($Value)
    if ($null -eq $Value) { return $null }
    return [BitConverter]::ToUInt32([BitConverter]::GetBytes([int32]$Value), 0)
}

# Operating system
try {
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
    $current = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
    $evidence.os = [ordered]@{
        caption        = [string]$os.Caption
        version        = [string]$os.Version
        buildNumber    = [int]$os.BuildNumber
        productType    = [int]$os.ProductType
        displayVersion = [string](Get-RegistryValue -Path $current -Name 'DisplayVersion')
        releaseId      = [string](Get-RegistryValue -Path $current -Name 'ReleaseId')
    }
}
catch { Add-CollectorError -Item 'os' -ErrorRecord $_ }

# Get-NetIsatapConfiguration (property names mirror the cmdlet's parameters)
$isatapConfig = $null
try {
    $isatapConfig = Get-NetIsatapConfiguration | Select-Object -First 1
    $evidence.isatapConfiguration = [ordered]@{
        state                     = [string]$isatapConfig.State
        router                    = [string]$isatapConfig.Router
        resolutionState           = [string]$isatapConfig.ResolutionState
        resolutionIntervalSeconds = [string]$(if ($null -ne $isatapConfig.ResolutionInterval) { $isatapConfig.ResolutionInterval } else { $isatapConfig.ResolutionIntervalSeconds })
    }
}
catch { Add-CollectorError -Item 'isatapConfiguration' -ErrorRecord $_ }

# Effective ISATAP Group Policy values
try {
    $policyKey = 'HKLM:\Software\Policies\Microsoft\Windows\TCPIP\v6Transition'
    $evidence.isatapPolicy = [ordered]@{
        state      = Get-RegistryValue -Path $policyKey -Name 'ISATAP_State'
        routerName = Get-RegistryValue -Path $policyKey -Name 'ISATAP_RouterName'
    }
}
catch { Add-CollectorError -Item 'isatapPolicy' -ErrorRecord $_ }

# ISATAP, Teredo and IP-HTTPS interfaces with their addresses (and routes for ISATAP)
try {
    $adapters = @(Get-NetAdapter -IncludeHidden -ErrorAction SilentlyContinue)
    $list = @()
    foreach ($ipInterface in @(Get-NetIPInterface -AddressFamily IPv6)) {
        $adapter = $adapters | Where-Object { $_.ifIndex -eq $ipInterface.ifIndex } | Select-Object -First 1
        $names = ([string]$ipInterface.InterfaceAlias + ' ' + [string]$adapter.InterfaceDescription)
        $kind = $null
        if ($names -like '*isatap*') { $kind = 'isatap' }
        elseif ($names -like '*teredo*') { $kind = 'teredo' }
        elseif ($names -like '*iphttps*' -or $names -like '*IP-HTTPS*') { $kind = 'iphttps' }
        if (-not $kind) { continue }

        $addresses = @(Get-NetIPAddress -AddressFamily IPv6 -InterfaceIndex $ipInterface.ifIndex -ErrorAction SilentlyContinue | ForEach-Object {
            [ordered]@{
                ipAddress    = [string]$_.IPAddress
                prefixLength = [int]$_.PrefixLength
                addressState = [string]$_.AddressState
                prefixOrigin = [string]$_.PrefixOrigin
                suffixOrigin = [string]$_.SuffixOrigin
            }
        })
        $routes = $null
        if ($kind -eq 'isatap') {
            $routes = @(Get-NetRoute -AddressFamily IPv6 -InterfaceIndex $ipInterface.ifIndex -ErrorAction SilentlyContinue | ForEach-Object {
                [ordered]@{
                    destinationPrefix = [string]$_.DestinationPrefix
                    nextHop           = [string]$_.NextHop
                    publish           = [string]$_.Publish
                    routeMetric       = [int]$_.RouteMetric
                }
            })
        }
        $list += [ordered]@{
            interfaceIndex        = [int]$ipInterface.ifIndex
            interfaceAlias        = [string]$ipInterface.InterfaceAlias
            interfaceDescription  = [string]$adapter.InterfaceDescription
            interfaceGuid         = [string]$adapter.InterfaceGuid
            kind                  = $kind
            connectionState       = [string]$ipInterface.ConnectionState
            forwarding            = [string]$ipInterface.Forwarding
            advertising           = [string]$ipInterface.Advertising
            advertiseDefaultRoute = [string]$ipInterface.AdvertiseDefaultRoute
            nlMtu                 = [long]$ipInterface.NlMtu
            addresses             = $addresses
            routes                = $routes
        }
    }
    $evidence.interfaces = $list
}
catch {
    Add-CollectorError -Item 'interfaces' -ErrorRecord $_
    # Windows 7 / Server 2008 R2: no NetTCPIP cmdlets. netsh's text is read by the same parsers as pasted output.
    try {
        $evidence.netshInterfaces = (netsh interface ipv6 show interfaces) -join "`n"
        $evidence.netshAddresses = (netsh interface ipv6 show addresses) -join "`n"
    }
    catch { Add-CollectorError -Item 'netsh' -ErrorRecord $_ }
}

# DisabledComponents
try {
    $value = Get-RegistryValue -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters' -Name 'DisabledComponents'
    $evidence.disabledComponents = [ordered]@{ present = ($null -ne $value); value = (ConvertTo-UInt32 -Value $value) }
}
catch { Add-CollectorError -Item 'disabledComponents' -ErrorRecord $_ }

# IP Helper
try {
    $service = Get-Service -Name 'iphlpsvc'
    $evidence.ipHelper = [ordered]@{ status = [string]$service.Status; startType = [string]$service.StartType }
}
catch { Add-CollectorError -Item 'ipHelper' -ErrorRecord $_ }

# Resolution of the router name the host uses: policy, then local configuration, then the default name ISATAP.
try {
    $name = $null
    $source = $null
    if ($RouterName) { $name = $RouterName; $source = 'parameter' }
    elseif ($evidence.isatapPolicy -and $evidence.isatapPolicy.routerName) { $name = [string]$evidence.isatapPolicy.routerName; $source = 'policy' }
    elseif ($isatapConfig -and [string]$isatapConfig.Router) { $name = [string]$isatapConfig.Router; $source = 'isatap-configuration' }
    else { $name = 'isatap'; $source = 'default' }
    $literal = $null
    $isLiteral = [System.Net.IPAddress]::TryParse($name, [ref]$literal) -and $name -match '^\d{1,3}(\.\d{1,3}){3}$'
    $resolved = @()
    $resolveError = $null
    if (-not $isLiteral) {
        try {
            $resolved = @(Resolve-DnsName -Name $name -Type A -ErrorAction Stop | Where-Object { $_.Type -eq 'A' } | ForEach-Object { [string]$_.IPAddress })
        }
        catch {
            $resolveError = [string]$_.Exception.Message
            try {
                $resolved = @([System.Net.Dns]::GetHostAddresses($name) | Where-Object { $_.AddressFamily -eq 'InterNetwork' } | ForEach-Object { [string]$_ })
                if ($resolved.Count -gt 0) { $resolveError = $null }
            }
            catch { }
        }
    }
    $evidence.routerResolution = [ordered]@{
        name          = $name
        source        = $source
        isIpv4Literal = [bool]$isLiteral
        addresses     = $resolved
        error         = $resolveError
    }
}
catch { Add-CollectorError -Item 'routerResolution' -ErrorRecord $_ }

# DNS client parameters
try {
    $parameters = 'HKLM:\SYSTEM\CurrentControlSet\Services\Dnscache\Parameters'
    $evidence.dnsClient = [ordered]@{
        disableParallelAandAAAA           = ConvertTo-UInt32 -Value (Get-RegistryValue -Path $parameters -Name 'DisableParallelAandAAAA')
        disableNRPTForAdapterRegistration = ConvertTo-UInt32 -Value (Get-RegistryValue -Path $parameters -Name 'DisableNRPTForAdapterRegistration')
    }
}
catch { Add-CollectorError -Item 'dnsClient' -ErrorRecord $_ }

# DirectAccess server: the internal IPv6 prefix and the internal adapter
if (Get-Command -Name 'Get-RemoteAccess' -ErrorAction SilentlyContinue) {
    try {
        $remoteAccess = Get-RemoteAccess
        if ($remoteAccess -and $remoteAccess.InternalInterface) {
            $internal = Get-NetAdapter -InterfaceAlias $remoteAccess.InternalInterface -ErrorAction SilentlyContinue
            $internalIpv4 = @()
            if ($internal) {
                $internalIpv4 = @(Get-NetIPAddress -AddressFamily IPv4 -InterfaceIndex $internal.ifIndex -ErrorAction SilentlyContinue | ForEach-Object { [string]$_.IPAddress })
            }
            $evidence.remoteAccess = [ordered]@{
                internalIPv6Prefix    = [string]$remoteAccess.InternalIPv6Prefix
                internalInterface     = [string]$remoteAccess.InternalInterface
                internalInterfaceGuid = [string]$internal.InterfaceGuid
                internalIpv4          = $internalIpv4
            }
        }
    }
    catch { Add-CollectorError -Item 'remoteAccess' -ErrorRecord $_ }
}

# Inbound management rules whose edge traversal matters on DirectAccess clients (rule ids, not localized).
try {
    $managementRules = @('RemoteDesktop-UserMode-In-TCP', 'RemoteDesktop-UserMode-In-UDP', 'FPS-ICMP6-ERQ-In', 'WINRM-HTTP-In-TCP', 'WINRM-HTTP-In-TCP-PUBLIC')
    $evidence.firewallRules = @(Get-NetFirewallRule -Name $managementRules -ErrorAction SilentlyContinue |
        Where-Object { [string]$_.Enabled -eq 'True' -and [string]$_.Direction -eq 'Inbound' -and [string]$_.Action -eq 'Allow' } |
        ForEach-Object {
            [ordered]@{
                name                  = [string]$_.Name
                displayName           = [string]$_.DisplayName
                edgeTraversalPolicy   = [string]$_.EdgeTraversalPolicy
                policyStoreSourceType = [string]$_.PolicyStoreSourceType
                policyStoreSource     = [string]$_.PolicyStoreSource
            }
        })
}
catch { Add-CollectorError -Item 'firewallRules' -ErrorRecord $_ }

ConvertTo-Json -InputObject $evidence -Depth 8
