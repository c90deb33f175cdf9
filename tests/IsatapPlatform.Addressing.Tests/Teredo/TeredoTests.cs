namespace IsatapPlatform.Addressing.Tests.Teredo;

/// <summary>RFC 4380 §4 layout with RFC 5991 flags: server plain, port and client inverted.</summary>
public sealed class TeredoTests
{
    /// <summary>Regression: hextets printed with fewer than four digits ("0", "59d", "ba1") must be
    /// read as the 16-bit values they are, not shifted; a decoder splitting the text got this wrong.</summary>
    [Fact]
    public void Hextets_shorter_than_four_digits_decode_to_the_right_server_and_client()
    {
        Assert.True(Addressing.Teredo.TryDecode(IPv6Address.Parse("2001:0:5ef5:79fd:0:59d:a0e5:ba1"), out var fields));

        Assert.Equal(IPv4Address.Parse("94.245.121.253"), fields.Server);
        Assert.Equal(IPv4Address.Parse("95.26.244.94"), fields.Client);
        Assert.Equal(0x059d ^ 0xffff, fields.Port);
        Assert.Equal(0, fields.Flags);
        Assert.False(fields.Cone);
    }

    [Fact]
    public void The_legacy_3ffe_831f_prefix_of_early_Windows_clients_is_decoded()
    {
        var address = IPv6Address.Parse("3ffe:831f:4136:e378:8000:63bf:3fff:fdd2");

        Assert.True(Addressing.Teredo.TryDecode(address, out var fields));

        Assert.True(Addressing.Teredo.IsLegacy(address));
        Assert.Equal(IPv4Address.Parse("65.54.227.120"), fields.Server);
        Assert.Equal(IPv4Address.Parse("192.0.2.45"), fields.Client);
        Assert.Equal(40000, fields.Port);
        // Encoding always uses the RFC 4380 prefix.
        Assert.Equal(IPv6Address.Parse("2001:0:4136:e378:8000:63bf:3fff:fdd2"), Addressing.Teredo.Encode(fields));
    }

    [Theory]
    [InlineData("2001:db8::1")]
    [InlineData("2001:1::1")]
    [InlineData("2002:836b:1::1")]
    [InlineData("3ffe:831e::1")]
    [InlineData("::")]
    public void Addresses_outside_the_Teredo_prefixes_are_not_Teredo(string text)
    {
        Assert.False(Addressing.Teredo.TryDecode(IPv6Address.Parse(text), out var fields));

        Assert.Equal(default, fields);
    }

    [Theory]
    [InlineData(0x0000, false, false)]
    [InlineData(0x8000, true, false)]
    [InlineData(0x0200, false, true)]
    [InlineData(0x2c3f, false, false)]
    [InlineData(0x0842, false, false)]
    [InlineData(0x0300, false, true)]
    [InlineData(0xffff, true, true)]
    public void Any_flag_combination_decodes_and_the_named_bits_are_exposed(int flags, bool cone, bool universalLocal)
    {
        var fields = new TeredoAddress(IPv4Address.Parse("65.54.227.120"), (ushort)flags, 40000, IPv4Address.Parse("192.0.2.45"));

        Assert.True(Addressing.Teredo.TryDecode(Addressing.Teredo.Encode(fields), out var decoded));

        Assert.Equal(fields, decoded);
        Assert.Equal(cone, decoded.Cone);
        Assert.Equal(universalLocal, decoded.UniversalLocal);
    }

    [Fact]
    public void Encoding_invalid_default_fields_throws()
        => Assert.Throws<InvalidOperationException>(() => Addressing.Teredo.Encode(default));
}
