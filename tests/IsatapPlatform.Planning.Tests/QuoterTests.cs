using System.Management.Automation.Language;
using IsatapPlatform.Planning.Rendering;
using IsatapPlatform.Planning.Tests.Support;

namespace IsatapPlatform.Planning.Tests;

/// <summary>Each shell's quoter on its own, without validation in front of it.</summary>
public class QuoterTests
{
    public static TheoryData<string> Corpus()
    {
        var data = new TheoryData<string>();
        foreach (var v in HostileCorpus.Values) data.Add(v);
        return data;
    }

    [Fact]
    public void PowerShell_doubles_every_kind_of_single_quote()
    {
        Assert.Equal("'it''s'", PowerShellQuoter.Quote("it's"));
        Assert.Equal("'a\u2018\u2018b\u2019\u2019c\u201A\u201Ad\u201B\u201Be'", PowerShellQuoter.Quote("a\u2018b\u2019c\u201Ad\u201Be"));
        Assert.Equal("'$(x) `n \"y\"'", PowerShellQuoter.Quote("$(x) `n \"y\""));
    }

    [Fact]
    public void Every_hostile_value_round_trips_through_the_PowerShell_quoter_as_one_constant()
    {
        foreach (var value in HostileCorpus.Values)
        {
            string script = "Write-Output " + PowerShellQuoter.Quote(value) + "\n$x = " + PowerShellQuoter.Array([value, "b"]);
            var ast = Parser.ParseInput(script, out _, out var errors);
            Assert.True(errors.Length == 0, $"{value}: {string.Join(", ", errors.Select(e => e.Message))}");
            var command = Assert.Single(ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>());
            var argument = Assert.IsType<StringConstantExpressionAst>(command.CommandElements[1]);
            Assert.Equal(StringConstantType.SingleQuoted, argument.StringConstantType);
            Assert.Equal(value, argument.Value);
            PowerShellSyntax.AssertSafe(script, value, HostileCorpus.Marker);
        }
    }

    [Theory]
    [InlineData("isatap-mo.corp.contoso.com", "isatap-mo.corp.contoso.com")]
    [InlineData("2002:836b:1:8000::/64", "2002:836b:1:8000::/64")]
    [InlineData("a b", "\"a b\"")]
    [InlineData("a&b|c^d", "\"a&b|c^d\"")]
    public void Cmd_quotes_only_when_needed(string value, string expected) => Assert.Equal(expected, CmdQuoter.Quote(value));

    [Theory]
    [InlineData("a\"b")]
    [InlineData("%PATH%")]
    [InlineData("!x!")]
    [InlineData("a\nb")]
    [InlineData("caf\u00e9")]
    [InlineData("")]
    [InlineData("a b\\")]
    public void Cmd_refuses_what_it_cannot_carry(string value) => Assert.Throws<UnsafeShellValueException>(() => CmdQuoter.Quote(value));

    [Fact]
    public void Cmd_output_for_hostile_values_is_refused_or_a_single_quoted_token()
    {
        foreach (var value in HostileCorpus.Values)
        {
            string quoted;
            try { quoted = CmdQuoter.Quote(value); }
            catch (UnsafeShellValueException) { continue; }
            Assert.DoesNotContain('%', quoted);
            Assert.DoesNotContain('\n', quoted);
            bool bare = !quoted.StartsWith('"');
            if (bare) Assert.DoesNotContain(quoted, c => c is ' ' or '&' or '|' or '<' or '>' or '^' or '(' or ')');
            else Assert.Equal(2, quoted.Count(c => c == '"'));
        }
    }

    [Fact]
    public void Reg_strings_escape_backslash_and_quote_and_refuse_line_breaks()
    {
        Assert.Equal("\"a\\\\b\\\"c\"", RegFile.Quote("a\\b\"c"));
        Assert.Throws<UnsafeShellValueException>(() => RegFile.Quote("a\r\n[HKEY_LOCAL_MACHINE\\X]"));
    }

    [Fact]
    public void Hosts_lines_refuse_anything_but_a_host_name()
    {
        var ip = IsatapPlatform.Addressing.IPv4Address.Parse("10.0.0.1");
        Assert.Equal("10.0.0.1    isatap-mo.corp    " + HostsFileLine.Comment, HostsFileLine.Line(ip, "isatap-mo.corp"));
        Assert.Throws<UnsafeShellValueException>(() => HostsFileLine.Line(ip, "x\n10.6.6.6 login.corp"));
        Assert.Throws<UnsafeShellValueException>(() => HostsFileLine.Line(ip, "x #"));
    }
}
