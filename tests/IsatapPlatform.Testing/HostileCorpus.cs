namespace IsatapPlatform.Testing;

/// <summary>Hostile inputs: each tries to run a command named PWNED (the marker) by escaping whatever quoting it
/// lands in: PowerShell, cmd.exe, netsh, .reg, HOSTS or LDAP. One corpus for the plan engine and the diagnostics
/// engine: every value is tried bare, behind a router-name prefix, behind an ISATAP interface-alias prefix, and
/// with a DNS-label suffix.</summary>
public static class HostileCorpus
{
    public const string Marker = "PWNED";

    private static readonly string[] Payloads =
    [
        "'; PWNED; '", "';PWNED;#", "' + (PWNED) + '", "'|PWNED|'", "'&PWNED", "''; PWNED",
        "\"; PWNED; \"", "\" & PWNED & \"", "\"|PWNED", "$(PWNED)", "$(PWNED)'", "${PWNED}", "$PWNED", "@(PWNED)",
        "`PWNED", "`$(PWNED)", "`'; PWNED", "x`\n PWNED", "; PWNED", "& PWNED", "&& PWNED", "|| PWNED", "| PWNED", "\nPWNED",
        "\r\nPWNED", "\rPWNED", "\u0085PWNED", "\u2028PWNED", "\u2029PWNED", "\0PWNED", "\tPWNED", "\vPWNED",
        "\u2018; PWNED; \u2018", "\u2019; PWNED; \u2019", "\u201A; PWNED; \u201A", "\u201B; PWNED; \u201B",
        "\u2018\u2019; PWNED", "\u201C; PWNED; \u201D", "\u201E; PWNED", "\u201D$(PWNED)\u201C",
        "\uFF07; PWNED", "\u02BC; PWNED", "\u2032; PWNED", "\u00B4; PWNED", "`u{27}; PWNED",
        "%PWNED%", "%COMSPEC% /c PWNED", "!PWNED!", "^& PWNED", "^\"&PWNED", "\" ^& PWNED ^& \"", "%%PWNED%%",
        "#\nPWNED", "<#\nPWNED\n#>", "@'\nPWNED\n'@", "@\"\n$(PWNED)\n\"@", "{PWNED}", "}; PWNED; {", ") ; PWNED ; (",
        "--% PWNED", "-PWNED", "\\\"; PWNED", "\\'; PWNED", "x,DC=y;PWNED", "OU=x\\,DC=y,PWNED=1", "CORP\\'; PWNED",
        "a]\n[HKEY_LOCAL_MACHINE\\PWNED]", "\"=\"PWNED\"", "10.6.6.6 PWNED", "x # PWNED", "*PWNED*", "?PWNED",
        "..\\..\\PWNED", "/PWNED", "PWNED\u200B", "\uFEFF'; PWNED",
        // Not from JSON (the serializer refuses them on the way in), but from a direct caller: must still serialize.
        "\uD800'; PWNED", "PWNED\uDC00", "\U0001F600'; PWNED",
    ];

    private static IEnumerable<string> Build()
    {
        foreach (var p in Payloads)
        {
            yield return p;
            yield return "isatap-mo" + p;
            yield return "isatap.{6B5B1F0C}" + p;
            yield return p + "corp";
        }
        yield return new string('a', 300) + "'; PWNED";
        yield return new string('A', 10_000) + "$(PWNED)";
        yield return string.Concat(Enumerable.Repeat("'; PWNED; ", 500));
        yield return "PWNED";
        yield return "pwned-" + new string('x', 60);
    }

    public static readonly IReadOnlyList<string> Values = Build().Distinct(StringComparer.Ordinal).ToArray();
}
