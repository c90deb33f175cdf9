namespace IsatapPlatform.Addressing;

/// <summary>RFC 7050 discovery: learn Pref64::/n from the AAAA answers a DNS64 resolver synthesised
/// for ipv4only.arpa, whose A records are 192.0.0.170 and 192.0.0.171.</summary>
/// <remarks>RFC 7050 §3 says the well-known address may sit at any RFC 6052 position, so every
/// length is tried. A /32 prefix can produce bit patterns that also match a longer length by
/// coincidence; this implementation tries lengths longest first and accepts the first position whose
/// u octet is zero and whose embedded value is a well-known address. That order is our choice and
/// should be revisited against the RFC text (not retrievable when this was written).</remarks>
public static class Nat64Discovery
{
    private static readonly int[] s_lengthsLongestFirst = [96, 64, 56, 48, 40, 32];

    /// <summary>The prefix one synthesised answer reveals; false when it embeds neither well-known address.</summary>
    public static bool TryDiscover(IPv6Address answer, out Nat64Prefix prefix)
    {
        prefix = default;
        if (!answer.IsValid) return false;
        foreach (int length in s_lengthsLongestFirst)
        {
            var candidate = IPv6Prefix.FromBits(answer.High, answer.Low, length);
            if (!Nat64Prefix.TryCreate(candidate, out var p, out _)) continue;
            if (p.TryExtract(answer, out var v4, out _) && v4.IsRfc7050WellKnown)
            {
                // The rest of the address (the suffix) must be zero for a synthesised answer.
                if (p.Embed(v4).Equals(answer.WithZone(null)))
                {
                    prefix = p;
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The distinct prefixes found in all answers, in first-seen order (a network may
    /// run several translators). Answers that embed no well-known address are skipped.</summary>
    public static IReadOnlyList<Nat64Prefix> Discover(IEnumerable<IPv6Address> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var found = new List<Nat64Prefix>();
        foreach (var answer in answers)
            if (TryDiscover(answer, out var p) && !found.Contains(p)) found.Add(p);
        return found;
    }
}
