using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IsatapPlatform.Analyzers.Text;

namespace IsatapPlatform.Analyzers.Analysis;

/// <summary>What System.Net.IPAddress and System.Net.IPNetwork accept. They are more lenient than
/// the SDK: IPAddress takes inet_aton forms ("10.1", "0x7f.1", octal "010.0.0.1"), brackets and
/// ports ("[::1]:80"); IPNetwork is "IPAddress text/digits" and clears bits past the length. For the
/// address part we ask System.Net.IPAddress itself (netstandard2.0 has it), so a constant is called
/// invalid only when the API it is given to would refuse it too.</summary>
internal static class SystemNetText
{
    public static bool IsIPAddress(string text)
    {
        var parsed = AddressText.Classify(text);
        if (parsed.Shape == AddressShape.IPv4Address || parsed.Shape == AddressShape.IPv6Address) return true;
        return TryHostParse(text, out _);
    }

    /// <summary>"address/digits" where the address is one IPAddress accepts.</summary>
    public static bool LooksLikeCidr(string text, out ParsedText network) => TryParseIPNetwork(text, out network);

    /// <summary>System.Net.IPNetwork.TryParse: the text before the last '/' is an IPAddress, the rest
    /// decimal digits only (leading zeros allowed) up to 32 or 128.</summary>
    public static bool TryParseIPNetwork(string text, out ParsedText network)
    {
        network = default;
        try
        {
            int slash = text.LastIndexOf('/');
            if (slash < 0) return false;
            string addressText = text.Substring(0, slash);
            string lengthText = text.Substring(slash + 1);
            if (lengthText.Length == 0) return false;
            foreach (char c in lengthText)
                if (c < '0' || c > '9') return false;
            if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out int length)) return false;

            var parsed = AddressText.Classify(addressText);
            if (parsed.Shape == AddressShape.IPv4Address)
            {
                if (length > 32) return false;
                network = new ParsedText(AddressShape.IPv4Prefix, 0, parsed.Low, length, null);
                return true;
            }
            if (parsed.Shape == AddressShape.IPv6Address)
            {
                if (length > 128) return false;
                network = new ParsedText(AddressShape.IPv6Prefix, parsed.High, parsed.Low, length, parsed.Zone);
                return true;
            }
            if (!TryHostParse(addressText, out var address)) return false;
            byte[] bytes = address!.GetAddressBytes();
            if (address.AddressFamily == AddressFamily.InterNetwork && bytes.Length == 4)
            {
                if (length > 32) return false;
                uint v4 = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
                network = new ParsedText(AddressShape.IPv4Prefix, 0, v4, length, null);
                return true;
            }
            if (address.AddressFamily == AddressFamily.InterNetworkV6 && bytes.Length == 16)
            {
                if (length > 128) return false;
                ulong hi = 0, lo = 0;
                for (int i = 0; i < 8; i++)
                {
                    hi = (hi << 8) | bytes[i];
                    lo = (lo << 8) | bytes[i + 8];
                }
                int pct = addressText.IndexOf('%');
                string? zone = pct >= 0 ? addressText.Substring(pct + 1).TrimEnd(']') : null;
                network = new ParsedText(AddressShape.IPv6Prefix, hi, lo, length, zone);
                return true;
            }
            return false;
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            network = default;
            return false;
        }
    }

    private static bool TryHostParse(string text, out IPAddress? address)
    {
        address = null;
        try
        {
            return IPAddress.TryParse(text, out address);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            return false;
        }
    }
}
