using System.Text;
using IsatapPlatform.Addressing;
using IsatapPlatform.Planning.Rendering;
using IsatapPlatform.Planning.Validation;

namespace IsatapPlatform.Planning.Plans;

/// <summary>Script fragments shared by several steps. None of them contains a request value: they
/// refer to variables that the step sets with <see cref="PsScript.Set"/>.</summary>
internal static class Snippets
{
    /// <summary>Step ids and file names: lower case, <c>a-z 0-9 -</c> only, whatever the input.</summary>
    public static string Slug(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name.ToLowerInvariant()) sb.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        return sb.ToString();
    }

    /// <summary>Refuses to run on the wrong computer (needs <c>$computer</c>).</summary>
    public const string ComputerGuard =
        "if ($env:COMPUTERNAME -ne $computer) { throw ('Run this step on ' + $computer + ', not on ' + $env:COMPUTERNAME + '.') }\n";

    /// <summary>Sets <c>$stateFile</c> for the step id in <c>$stepId</c>: where a step records what it found, so
    /// its rollback restores exactly that. The rollback must run on the same computer.</summary>
    public const string StatePaths =
        "$stateDir = Join-Path -Path $env:ProgramData -ChildPath 'IsatapPlatform'\n" +
        "$stateFile = Join-Path -Path $stateDir -ChildPath ($stepId + '.json')\n";

    /// <summary>Writes <c>$state</c> once: a re-run must not overwrite what the first run found.</summary>
    public const string SaveStateOnce =
        "if (-not (Test-Path -Path $stateFile)) {\n" +
        "    New-Item -ItemType Directory -Path $stateDir -Force | Out-Null\n" +
        "    $state | ConvertTo-Json -Depth 4 | Set-Content -Path $stateFile -Encoding UTF8\n" +
        "}\n";

    /// <summary>Reads <c>$state</c> in a rollback, or stops when the step never ran here.</summary>
    public const string LoadState =
        "if (-not (Test-Path -Path $stateFile)) { throw ('Nothing to roll back on this computer: ' + $stateFile + ' does not exist (the step did not run here, or was already rolled back).') }\n" +
        "$state = Get-Content -Path $stateFile -Raw | ConvertFrom-Json\n";

    public const string DropState = "Remove-Item -Path $stateFile\n";

    /// <summary>REFERENCE §4.6 and §4.4: checks that would make every other step pointless.</summary>
    public const string TargetPreflight =
        "# DisabledComponents bits 0x01 (all tunnels) or 0x04 (ISATAP) block ISATAP whatever else is set (REFERENCE §4.6).\n" +
        "$disabledComponents = (Get-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters' -Name 'DisabledComponents' -ErrorAction SilentlyContinue).DisabledComponents\n" +
        "if ($null -ne $disabledComponents -and ($disabledComponents -band 0x05) -ne 0) { throw 'DisabledComponents has bit 0x01 or 0x04 set, so ISATAP cannot come up: clear them (delete the value if it is 0xFFFFFFFF) and reboot.' }\n" +
        "# The IP Helper service provides ISATAP (REFERENCE §4.4).\n" +
        "if ((Get-Service -Name 'iphlpsvc').Status -ne 'Running') { throw 'The IP Helper service (iphlpsvc) is not running; ISATAP needs it.' }\n";

    /// <summary>Captures and restores the host's ISATAP configuration (needs <c>$state</c> in rollback).</summary>
    public const string CaptureIsatapConfig =
        "# Property names State and Router mirror the cmdlet's parameters (REFERENCE §4.1); the output object itself is UNVERIFIED.\n" +
        "$current = Get-NetIsatapConfiguration | Select-Object -First 1\n";

    public const string RestoreIsatapConfig =
        "if ([string]$state.Router) { Set-NetIsatapConfiguration -State $state.State -Router $state.Router }\n" +
        "else {\n" +
        "    Set-NetIsatapConfiguration -State $state.State\n" +
        "    Reset-NetIsatapConfiguration -Router\n" +
        "}\n";

    /// <summary>DNS commands either name the server (<c>$dnsTarget</c>/<c>$resolveTarget</c> splats) or run locally.</summary>
    public static PsScript DnsTargets(this PsScript ps, string? dnsServer)
        => ps.SetSplat("dnsTarget", "ComputerName", dnsServer).SetSplat("resolveTarget", "Server", dnsServer);

    /// <summary><c>dnscmd</c> with the server argument when one is named (cmd.exe-quoted).</summary>
    public static string Dnscmd(string? dnsServer) => dnsServer is null ? "dnscmd" : "dnscmd " + CmdQuoter.Quote(dnsServer);

    /// <summary>An address's 16 bytes as "b0,b1,...": how the scripts compare addresses by value.</summary>
    public static string Bytes(IPv6Address address, int count = 16)
    {
        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b);
        var sb = new StringBuilder(count * 4);
        for (int i = 0; i < count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(b[i]);
        }
        return sb.ToString();
    }

    /// <summary>The targets' computer names (first labels), as <c>$env:COMPUTERNAME</c> and DNS host names show them.</summary>
    public static IEnumerable<string> ComputerNames(IEnumerable<TargetHost> targets) => targets.Select(t => t.ComputerName);
}
