using System.Text;

namespace IsatapPlatform.Addressing.Tests.Support;

/// <summary>Random text and bytes for robustness tests: characters parsers care about, arbitrary
/// UTF-16 (lone surrogates included), and valid addresses with characters inserted, deleted or
/// replaced, which get much deeper into a parser than pure noise does.</summary>
public static class HostileInput
{
    public const string Alphabet = "0123456789abcdefABCDEF:.%/x- ";

    /// <summary>Valid texts of every type, the raw material of the mutations.</summary>
    public static readonly string[] ValidTexts =
    [
        "2001:db8::1", "::", "::1", "1::", "fe80::5efe:10.0.0.5", "fe80::200:5efe:131.107.0.1%12",
        "fe80::1%eth0", "::ffff:192.0.2.1", "2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8:122:344:c0:2:2100::",
        "1:2:3:4:5:6:7:8", "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", "2001:0:4136:e378:8000:63bf:3fff:fdd2",
        "192.0.2.33", "0.0.0.0", "255.255.255.255", "10.1.2.3", "7.0.0.0/8", "192.168.99.0/24", "0.0.0.0/0",
        "2001:db8::/32", "64:ff9b::/96", "2001:db8:122:344::/64", "fd03:b402:e10c:7777::/96", "::/0", "::/128",
        "2002:836b:1:8000:0:5efe:192.168.99.0/120",
    ];

    public static string NextString(Random r) => r.Next(3) switch
    {
        0 => FromAlphabet(r),
        1 => ArbitraryUnicode(r),
        _ => Mutate(RandomValues.Pick(r, ValidTexts), r),
    };

    private static string FromAlphabet(Random r)
    {
        var chars = new char[r.Next(0, 48)];
        for (int i = 0; i < chars.Length; i++) chars[i] = Alphabet[r.Next(Alphabet.Length)];
        return new string(chars);
    }

    private static string ArbitraryUnicode(Random r)
    {
        var chars = new char[r.Next(0, 48)];
        for (int i = 0; i < chars.Length; i++)
            chars[i] = r.Next(3) == 0 ? Alphabet[r.Next(Alphabet.Length)] : (char)r.Next(0, 0x10000);
        return new string(chars);
    }

    /// <summary>One to four edits: insert, delete or replace a character.</summary>
    public static string Mutate(string valid, Random r)
    {
        var sb = new StringBuilder(valid);
        int edits = r.Next(1, 5);
        for (int e = 0; e < edits; e++)
        {
            int at = r.Next(sb.Length + 1);
            char c = r.Next(4) == 0 ? (char)r.Next(0, 0x10000) : Alphabet[r.Next(Alphabet.Length)];
            switch (r.Next(3))
            {
                case 0:
                    sb.Insert(at, c);
                    break;
                case 1 when at < sb.Length:
                    sb.Remove(at, 1);
                    break;
                default:
                    if (at < sb.Length) sb[at] = c;
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    public static byte[] NextBytes(Random r)
    {
        switch (r.Next(3))
        {
            case 0:
            {
                var bytes = new byte[r.Next(0, 48)];
                r.NextBytes(bytes);
                return bytes;
            }
            case 1:
            {
                // Mostly ASCII parser characters with some high bytes mixed in.
                var bytes = new byte[r.Next(0, 48)];
                for (int i = 0; i < bytes.Length; i++)
                    bytes[i] = r.Next(5) == 0 ? (byte)r.Next(0x80, 0x100) : (byte)Alphabet[r.Next(Alphabet.Length)];
                return bytes;
            }
            default:
            {
                var bytes = Encoding.UTF8.GetBytes(RandomValues.Pick(r, ValidTexts));
                int edits = r.Next(1, 4);
                for (int e = 0; e < edits && bytes.Length > 0; e++) bytes[r.Next(bytes.Length)] = (byte)r.Next(0, 0x100);
                return bytes;
            }
        }
    }
}
