namespace IsatapPlatform.Planning.Validation;

/// <summary>The character sets every name that reaches a script must fit. They are deliberately
/// narrower than what Windows accepts: values outside them are refused, not escaped.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>DNS label (RFC 1123 §2.1): 1-63 of <c>A-Z a-z 0-9 -</c>, not starting or ending with <c>-</c>.</item>
/// <item>FQDN: labels joined by <c>.</c>, at most 253 characters, no trailing dot, not all-numeric
/// (so an IPv4 literal is never mistaken for a name).</item>
/// <item>Computer name: an FQDN whose first label has at most 15 characters and is not all digits (the
/// NetBIOS name Windows derives; <c>$env:COMPUTERNAME</c> is compared with it).</item>
/// <item>Group name: optional <c>DOMAIN\</c> (a computer-name-style label) then 1-64 of
/// <c>A-Z a-z 0-9 space . _ -</c>, not starting or ending with a space or dot.</item>
/// <item>GPO name: 1-128 of <c>A-Z a-z 0-9 space . _ - ( )</c>, not starting or ending with a space.</item>
/// <item>Distinguished name: <c>ATTR=value</c> components joined by <c>,</c> (no spaces around), ATTR one of
/// OU, CN, DC (any case); values 1-64 of <c>A-Z a-z 0-9 space . _ -</c> with no leading/trailing space and no
/// escapes; at least one DC; once DC components start only DC components follow, and each is a DNS label;
/// at most 512 characters.</item>
/// </list>
/// </remarks>
public static class NameRules
{
    /// <summary>Longest FQDN (RFC 1123 / RFC 1035 presentation form without the trailing dot).</summary>
    public const int MaxFqdnLength = 253;
    /// <summary>Longest NetBIOS computer name.</summary>
    public const int MaxComputerNameLength = 15;
    /// <summary>Longest group name after the domain prefix.</summary>
    public const int MaxGroupNameLength = 64;
    /// <summary>Longest GPO display name accepted.</summary>
    public const int MaxGpoNameLength = 128;
    /// <summary>Longest distinguished name accepted.</summary>
    public const int MaxDistinguishedNameLength = 512;

    private static bool IsAlnum(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    /// <summary>RFC 1123 label.</summary>
    public static bool IsDnsLabel(ReadOnlySpan<char> s)
    {
        if (s.Length is 0 or > 63 || s[0] == '-' || s[^1] == '-') return false;
        foreach (char c in s) if (!IsAlnum(c) && c != '-') return false;
        return true;
    }

    /// <summary>RFC 1123 host name / FQDN (one or more labels), not all-numeric.</summary>
    public static bool IsFqdn(string? s)
    {
        if (string.IsNullOrEmpty(s) || s.Length > MaxFqdnLength) return false;
        bool sawLetterOrHyphen = false;
        foreach (var range in s.AsSpan().Split('.'))
        {
            var label = s.AsSpan()[range];
            if (!IsDnsLabel(label)) return false;
            foreach (char c in label) if (!char.IsAsciiDigit(c)) { sawLetterOrHyphen = true; break; }
        }
        return sawLetterOrHyphen;
    }

    /// <summary>The first label of a valid computer name (the NetBIOS-style name).</summary>
    public static string FirstLabel(string name)
    {
        int dot = name.IndexOf('.');
        return dot < 0 ? name : name[..dot];
    }

    /// <summary>Computer name: FQDN whose first label is at most 15 characters and not all digits.</summary>
    public static bool IsComputerName(string? s)
    {
        if (!IsFqdn(s)) return false;
        var first = FirstLabel(s!);
        return first.Length <= MaxComputerNameLength && !first.All(char.IsAsciiDigit);
    }

    /// <summary>Group name with an optional <c>DOMAIN\</c> prefix.</summary>
    public static bool IsGroupName(string? s)
    {
        if (string.IsNullOrEmpty(s)) return false;
        int slash = s.IndexOf('\\');
        string group = s;
        if (slash >= 0)
        {
            var domain = s[..slash];
            if (domain.Length > MaxComputerNameLength || !IsDnsLabel(domain)) return false;
            group = s[(slash + 1)..];
        }
        if (group.Length is 0 or > MaxGroupNameLength || group[0] is ' ' or '.' || group[^1] is ' ' or '.') return false;
        foreach (char c in group) if (!IsAlnum(c) && c is not (' ' or '.' or '_' or '-')) return false;
        return true;
    }

    /// <summary>The group name without its <c>DOMAIN\</c> prefix (the sAMAccountName Add-ADGroupMember takes).</summary>
    public static string GroupAccountName(string group)
    {
        int slash = group.IndexOf('\\');
        return slash < 0 ? group : group[(slash + 1)..];
    }

    /// <summary>GPO display name.</summary>
    public static bool IsGpoName(string? s)
    {
        if (string.IsNullOrEmpty(s) || s.Length > MaxGpoNameLength || s[0] == ' ' || s[^1] == ' ') return false;
        foreach (char c in s) if (!IsAlnum(c) && c is not (' ' or '.' or '_' or '-' or '(' or ')')) return false;
        return true;
    }

    /// <summary>Distinguished name of an OU, container or domain (safe subset, see the type remarks).</summary>
    public static bool IsDistinguishedName(string? s)
    {
        if (string.IsNullOrEmpty(s) || s.Length > MaxDistinguishedNameLength) return false;
        bool inDc = false;
        foreach (var range in s.AsSpan().Split(','))
        {
            var rdn = s.AsSpan()[range];
            int eq = rdn.IndexOf('=');
            if (eq <= 0) return false;
            var attr = rdn[..eq];
            var value = rdn[(eq + 1)..];
            if (value.Length is 0 or > 64 || value[0] == ' ' || value[^1] == ' ') return false;
            foreach (char c in value) if (!IsAlnum(c) && c is not (' ' or '.' or '_' or '-')) return false;
            if (attr.Equals("DC", StringComparison.OrdinalIgnoreCase))
            {
                if (!IsDnsLabel(value)) return false;
                inDc = true;
            }
            else if (attr.Equals("OU", StringComparison.OrdinalIgnoreCase) || attr.Equals("CN", StringComparison.OrdinalIgnoreCase))
            {
                if (inDc) return false;
            }
            else return false;
        }
        return inDc;
    }
}
