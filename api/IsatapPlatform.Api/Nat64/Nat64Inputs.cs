using IsatapPlatform.Addressing;
using IsatapPlatform.Api.Infrastructure;

namespace IsatapPlatform.Api.Nat64;

/// <summary>Reads inputs the validators have already accepted, and states what the library's answers
/// mean for a caller (the warnings and refusal messages). No address math happens here.</summary>
internal static class Nat64Inputs
{
    /// <summary>Parses a validated NAT64 prefix. With <paramref name="normalize"/>, a prefix with host bits
    /// is read with them cleared, and a warning says so (the strict failure's code tells which bits).</summary>
    public static Nat64Prefix ParsePrefix(string text, bool normalize, ICollection<ApiWarning> warnings)
    {
        if (Nat64Prefix.TryParse(text.AsSpan(), PrefixParseMode.Strict, out var prefix, out var strictFailure)) return prefix;
        if (normalize && Nat64Prefix.TryParse(text.AsSpan(), PrefixParseMode.Normalize, out prefix, out _))
        {
            warnings.Add(new ApiWarning(strictFailure.Code,
                $"bits past /{prefix.Length} were set ({strictFailure.Error.ToMessage()}); they were cleared and {prefix} was used"));
            return prefix;
        }
        throw new InvalidOperationException("The prefix was not validated before use.");
    }

    /// <summary>The message for an RFC 6052 §3.1 refusal or warning.</summary>
    public static string PolicyMessage(Nat64PolicyVerdict verdict, Nat64Prefix prefix, IPv4Address ipv4)
        => $"{verdict.Describe()}: {prefix} with {ipv4} violates RFC 6052 §3.1 and translators drop it; use a network-specific prefix";

    /// <summary>The message for a permissive-policy warning.</summary>
    public static string PermissiveMessage(Nat64PolicyVerdict verdict, Nat64Prefix prefix, IPv4Address ipv4)
        => PolicyMessage(verdict, prefix, ipv4) + " (answered because policy is 'permissive')";
}
