using System.Text;
using IsatapPlatform.Planning.Rendering;

namespace IsatapPlatform.Planning.Plans;

/// <summary>Builds one PowerShell script. Code lines are constant templates written here; request
/// values enter only through <see cref="Set"/>/<see cref="SetArray"/>/<see cref="SetSplat"/> as
/// single-quoted literals (<see cref="PowerShellQuoter"/>), and the templates refer to the variables.</summary>
internal sealed class PsScript
{
    private readonly StringBuilder _sb = new(1024);

    public PsScript(bool stopOnError = true)
    {
        if (stopOnError) _sb.Append("$ErrorActionPreference = 'Stop'\n");
    }

    /// <summary>Constant code (never a request value).</summary>
    public PsScript Code(string code)
    {
        _sb.Append(code);
        if (code.Length == 0 || code[^1] != '\n') _sb.Append('\n');
        return this;
    }

    /// <summary><c>$name = 'value'</c>.</summary>
    public PsScript Set(string variable, string value)
    {
        _sb.Append('$').Append(variable).Append(" = ");
        PowerShellQuoter.Append(_sb, value);
        _sb.Append('\n');
        return this;
    }

    /// <summary><c>$name = @('a', 'b')</c>.</summary>
    public PsScript SetArray(string variable, IEnumerable<string> values)
    {
        _sb.Append('$').Append(variable).Append(" = ").Append(PowerShellQuoter.Array(values)).Append('\n');
        return this;
    }

    /// <summary><c>$name = @{ Key = 'value' }</c>, or <c>@{}</c> when <paramref name="value"/> is null (for splatting an optional parameter).</summary>
    public PsScript SetSplat(string variable, string key, string? value)
    {
        _sb.Append('$').Append(variable).Append(" = @{");
        if (value is not null)
        {
            _sb.Append(' ').Append(key).Append(" = ");
            PowerShellQuoter.Append(_sb, value);
            _sb.Append(' ');
        }
        _sb.Append("}\n");
        return this;
    }

    public override string ToString() => _sb.ToString();
}
