namespace IsatapPlatform.Addressing.Tests;

/// <summary>The zero value of every type is invalid, never silently "::" or "0.0.0.0": it says so,
/// every Try* method refuses it, and the throwing accessors throw.</summary>
public sealed class DefaultValueTests
{
    [Fact]
    public void Default_IPv6Address_is_invalid_and_not_the_unspecified_address()
    {
        IPv6Address d = default;

        Assert.False(d.IsValid);
        Assert.Equal("invalid IPv6Address", d.ToString());
        Assert.NotEqual(IPv6Address.Any, d);
        Assert.True(d < IPv6Address.Any);
        Assert.Equal(default(IPv6Address), d);
        Assert.False(d.IsIPv4Mapped);
        Assert.Throws<InvalidOperationException>(() => d.Value);
        Assert.Throws<InvalidOperationException>(() => d.High);
        Assert.Throws<InvalidOperationException>(() => d.Low);
        Assert.Throws<InvalidOperationException>(() => d.WithZone("1"));
        Assert.Throws<InvalidOperationException>(() => d.ToIPAddress());
    }

    [Fact]
    public void Default_IPv4Address_is_invalid_and_not_0_0_0_0()
    {
        IPv4Address d = default;

        Assert.False(d.IsValid);
        Assert.Equal("invalid IPv4Address", d.ToString());
        Assert.NotEqual(IPv4Address.Any, d);
        Assert.True(d < IPv4Address.Any);
        Assert.False(d.IsGlobal);
        Assert.False(d.IsUnspecified);
        Assert.Throws<InvalidOperationException>(() => d.Value);
    }

    [Fact]
    public void Default_prefixes_are_invalid()
    {
        Assert.False(default(IPv6Prefix).IsValid);
        Assert.False(default(IPv4Prefix).IsValid);
        Assert.False(default(Nat64Prefix).IsValid);
        Assert.Equal("invalid IPv6Prefix", default(IPv6Prefix).ToString());
        Assert.Equal("invalid IPv4Prefix", default(IPv4Prefix).ToString());
        Assert.Throws<InvalidOperationException>(() => default(IPv6Prefix).Length);
        Assert.Throws<InvalidOperationException>(() => default(IPv4Prefix).Address);
        Assert.Throws<InvalidOperationException>(() => default(Nat64Prefix).Prefix);
        Assert.Throws<InvalidOperationException>(() => default(Nat64Prefix).Embed(IPv4Address.Any));
        Assert.False(default(IPv6Prefix).Contains(IPv6Address.Any));
        Assert.False(default(IPv4Prefix).Contains(IPv4Address.Any));
    }

    [Fact]
    public void Conversions_refuse_defaults()
    {
        Span<byte> bytes = stackalloc byte[16];

        Assert.False(default(IPv6Address).TryWriteBytes(bytes));
        Assert.False(default(IPv4Address).TryWriteBytes(bytes));
        Assert.False(default(IPv6Address).TryUnmap(out _));
        Assert.False(IPv6Address.TryFromBytes(bytes[..15], out var v6));
        Assert.False(IPv4Address.TryFromBytes(bytes[..5], out var v4));
        Assert.False(v6.IsValid);
        Assert.False(v4.IsValid);
    }

    [Fact]
    public void Prefix_construction_refuses_defaults()
    {
        Assert.False(IPv6Prefix.TryCreate(default, 64, PrefixParseMode.Normalize, out _, out var v6Error));
        Assert.False(IPv4Prefix.TryCreate(default, 24, PrefixParseMode.Normalize, out _, out var v4Error));
        Assert.False(Nat64Prefix.TryCreate(default, out _, out var nat64Error));

        Assert.Equal(AddressError.InvalidValue, v6Error);
        Assert.Equal(AddressError.InvalidValue, v4Error);
        Assert.Equal(AddressError.InvalidValue, nat64Error);
    }

    [Fact]
    public void Nat64_operations_refuse_defaults()
    {
        var prefix = Nat64Prefix.WellKnown;
        var address = IPv6Address.Parse("64:ff9b::c000:221");

        Assert.False(prefix.TryEmbed(default, out var embedded));
        Assert.False(default(Nat64Prefix).TryEmbed(IPv4Address.Any, out _));
        Assert.False(prefix.TryExtract(default, out var extracted, out var error));
        Assert.False(default(Nat64Prefix).TryExtract(address, out _, out var error2));
        Assert.False(Nat64Discovery.TryDiscover(default, out _));

        Assert.False(embedded.IsValid);
        Assert.False(extracted.IsValid);
        Assert.Equal(AddressError.InvalidValue, error);
        Assert.Equal(AddressError.InvalidValue, error2);
    }

    [Fact]
    public void Transition_mechanisms_refuse_defaults()
    {
        var link = Addressing.Isatap.LinkLocalPrefix;
        var v4 = IPv4Address.Parse("131.107.0.1");

        Assert.False(Addressing.Isatap.TryCreateAddress(default, v4, out _, out var e1));
        Assert.False(Addressing.Isatap.TryCreateAddress(link, default, out _, out var e2));
        Assert.False(Addressing.Isatap.TryDecode(default, out _));
        Assert.False(Addressing.Isatap.TryCreateSubnet(link, default, out _, out var e3));
        Assert.False(Addressing.SixToFour.TryCreateSitePrefix(default, out _, out var e4));
        Assert.False(Addressing.SixToFour.TryCreatePrefix(default, out _, out var e5));
        Assert.False(Addressing.SixToFour.TryDecode(default, out _));
        Assert.False(Addressing.Teredo.TryDecode(default, out _));
        Assert.False(Addressing.Teredo.IsLegacy(default));
        Assert.False(DirectAccessPrefixes.TryDerive(default, out _, out var e6));
        Assert.False(IPv4SpecialRegistry.TryFind(default, out _));
        Assert.False(AddressInspector.TryInspect(default, out _, out var failure));

        Assert.All(new[] { e1, e2, e3, e4, e5, e6 }, e => Assert.Equal(AddressError.InvalidValue, e));
        Assert.Equal(AddressError.Empty, failure.Error);
        Assert.Throws<ArgumentException>(() => AddressInspector.Inspect(default(IPv6Address)));
        Assert.Throws<ArgumentException>(() => AddressInspector.Inspect(default(IPv4Address)));
    }
}
