using IsatapPlatform.Addressing.Tests.Support;

namespace IsatapPlatform.Addressing.Tests.Properties;

/// <summary>Teredo, ISATAP and 6to4 encodings over random inputs, 100,000 cases each.</summary>
public sealed class TransitionProperties
{
    /// <summary>Seeds: the RFC number of each mechanism.</summary>
    private const int TeredoSeed = 4380;
    private const int IsatapSeed = 5214;
    private const int SixToFourSeed = 3056;

    [Fact]
    public void Teredo_encoding_then_decoding_gives_back_every_field()
    {
        Property.ForAll(TeredoSeed, r =>
        {
            var fields = new TeredoAddress(RandomValues.IPv4(r), (ushort)r.Next(0x10000), (ushort)r.Next(0x10000), RandomValues.IPv4(r));

            var address = Addressing.Teredo.Encode(fields);

            Assert.True(Addressing.Teredo.TryDecode(address, out var decoded));
            Assert.Equal(fields, decoded);
            Assert.True(Addressing.Teredo.Prefix.Contains(address));
        });
    }

    [Fact]
    public void Teredo_decoding_then_encoding_gives_back_any_address_under_2001_32()
    {
        Property.ForAll(TeredoSeed + 1, r =>
        {
            var address = IPv6Address.FromUInt64((0x2001_0000UL << 32) | RandomValues.UInt32(r), RandomValues.UInt64(r));

            Assert.True(Addressing.Teredo.TryDecode(address, out var fields));
            Assert.Equal(address, Addressing.Teredo.Encode(fields));
        });
    }

    [Fact]
    public void ISATAP_creation_then_decoding_gives_back_the_IPv4_with_the_u_bit_equal_to_its_globality()
    {
        Property.ForAll(IsatapSeed, r =>
        {
            var prefix = IPv6Prefix.Create(IPv6Address.FromUInt64(RandomValues.UInt64(r), 0), 64);
            var ipv4 = RandomValues.IPv4(r);

            Assert.True(Addressing.Isatap.TryCreateAddress(prefix, ipv4, out var address, out _));

            Assert.True(Addressing.Isatap.TryDecode(address, out var info));
            Assert.Equal(ipv4, info.IPv4);
            Assert.Equal(ipv4.IsGlobal, info.Universal);
            Assert.False(info.Group);
            Assert.True(prefix.Contains(address));
        });
    }

    [Fact]
    public void SixToFour_site_prefix_and_host_address_decode_to_the_IPv4()
    {
        Property.ForAll(SixToFourSeed, r =>
        {
            var ipv4 = RandomValues.IPv4(r);

            bool created = Addressing.SixToFour.TryCreateSitePrefix(ipv4, out var site, out var error);

            Assert.Equal(ipv4.IsGlobal, created);
            if (!created)
            {
                Assert.Equal(AddressError.NonGlobalIPv4, error);
                return;
            }
            var host = Addressing.SixToFour.WindowsHostAddress(ipv4);
            Assert.True(Addressing.SixToFour.TryDecode(site.Address, out var fromSite));
            Assert.True(Addressing.SixToFour.TryDecode(host, out var fromHost));
            Assert.Equal(ipv4, fromSite.IPv4);
            Assert.Equal(ipv4, fromHost.IPv4);
            Assert.True(fromHost.WindowsHostForm);
            Assert.True(site.Contains(host));
            Assert.Equal(48, site.Length);
        });
    }
}
