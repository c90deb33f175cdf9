#!/usr/bin/env bash
# What do the IsatapPlatform analyzers add to a consumer's build?
#
# Generates a consumer project of FILES (default 600) source files that references the Addressing
# library project and loads both analyzer dlls as <Analyzer> items (the way the client package
# will), then, for each compiler mode in MODES (default "noserver server"):
#   noserver  -p:UseSharedCompilation=false: every build starts a fresh csc process, which loads and
#             JIT-compiles the analyzers again (the worst case: CI without the compiler server).
#             `dotnet build-server shutdown` runs before every build (SHUTDOWN_SERVER=0 to skip), so
#             no warm compiler server or MSBuild node is in play.
#   server    -p:UseSharedCompilation=true (the SDK default): the compiler server, warmed up first.
# builds the consumer RUNS times (default 7) with and RUNS times without our analyzers, in pairs
# whose order alternates (with/without, without/with, ...: A/B/B/A, so a drift in the machine's
# load hits both sides), every build with -p:ReportAnalyzer=true and the same detailed log, and
# prints, all as ratios within this one run:
#   1. the compiler's own figure: time spent in IsatapPlatform.Analyzers as a share of the Csc task
#      (median over the runs). ReportAnalyzer sums analyzer time over the compiler's threads, so
#      against the Csc task's wall time this is an upper bound;
#   2. wall clock: the median of the per-pair ratios with/without (each pair ran back to back), the
#      ratio of the medians, and the order-balanced mean (see balanced() below);
#   3. noserver only: CPU time (user+sys of the build and its csc child, from /usr/bin/time), the
#      same two ways. CPU time is much less sensitive than wall clock to other processes on a
#      shared machine (it still includes cache and frequency effects); with the server, the
#      compilation runs in the server process and is not counted, so it is not reported.
# plus the load average (uptime) before and after each mode.
#
# Usage: analyzers/perf/measure.sh   (FILES=600 RUNS=7 MODES="noserver server" PERF_DIR=/tmp/isatap-analyzer-perf)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
files=${FILES:-600}
runs=${RUNS:-7}
modes=${MODES:-noserver server}
shutdown_server=${SHUTDOWN_SERVER:-1}
work=${PERF_DIR:-${TMPDIR:-/tmp}/isatap-analyzer-perf}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "$files" -lt 500 ]; then echo "FILES must be at least 500" >&2; exit 2; fi

echo "== building the analyzers (Release)"
dotnet build "$repo/analyzers/IsatapPlatform.Analyzers.CodeFixes/IsatapPlatform.Analyzers.CodeFixes.csproj" -c Release -nologo -v:q >/dev/null
analyzer="$repo/analyzers/IsatapPlatform.Analyzers/bin/Release/netstandard2.0/IsatapPlatform.Analyzers.dll"
codefixes="$repo/analyzers/IsatapPlatform.Analyzers.CodeFixes/bin/Release/netstandard2.0/IsatapPlatform.Analyzers.CodeFixes.dll"
test -f "$analyzer" && test -f "$codefixes"

echo "== generating $files source files in $work"
rm -rf "$work"
mkdir -p "$work/Consumer/Generated"
# The consumer stands alone: nothing from directories above it.
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
cat > "$work/Directory.Packages.props" <<'EOF'
<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>
EOF
cat > "$work/Consumer/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <!-- Our warnings (ISA0003, ISA0009) stay warnings; suppressing them would skip the analyzers. -->
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/sdk/IsatapPlatform.Addressing/IsatapPlatform.Addressing.csproj" />
  </ItemGroup>
  <ItemGroup Condition="'\$(IsatapAnalyzers)' != 'false'">
    <Analyzer Include="$analyzer" />
    <Analyzer Include="$codefixes" />
  </ItemGroup>
</Project>
EOF

# A stand-in for the typed client, so the SDK-convention rules have calls to look at.
cat > "$work/Consumer/Client.cs" <<'EOF'
namespace IsatapPlatform.Client;

public sealed class IsatapPlatformClient
{
    public Task<string> DeriveNat64AddressAsync(string prefix, string ipv4) => Task.FromResult(prefix + ipv4);
    public Task<string> CreateIsatapAddressAsync(string prefix, string ipv4) => Task.FromResult(prefix + ipv4);
    public Task ConfigureRouterAsync(string routerName, bool allowGlobalName = false) => Task.CompletedTask;
}

public sealed record IsatapAddressRequest(string Prefix, string Ipv4);
public sealed class RouterSpec { public string? Name { get; init; } }
EOF

# Code in steady state is clean: a warning costs the compiler more to report (suppression checks)
# than the analysis that finds it, and that cost is charged to the analyzer that reports it. One
# file in a hundred keeps an ISA0009 and an ISA0003 warning, so the build shows the rules firing.
for ((i = 0; i < files; i++)); do
  a=$((i % 250 + 1)); b=$((i / 250 % 250 + 1)); h=$(printf '%x' $((i + 1)))
  if ((i % 100 == 0)); then compare='address == _hosts.GetValueOrDefault("gw")'; host=1; else compare='address.Equals(_hosts.GetValueOrDefault("gw"))'; host=0; fi
  cat > "$work/Consumer/Generated/Service$i.cs" <<EOF
// Generated by analyzers/perf/measure.sh: address code next to ordinary code.
using System.Net;
using System.Text;
using IsatapPlatform.Addressing;
using IsatapPlatform.Client;

namespace Consumer.Module$i;

public sealed class Service$i
{
    private const string Site = "2002:836b:$h::/48";
    private const string Nat64 = "2001:db8:$h:344::/96";
    private const string Router = "isatap-mo$i.corp.contoso.com";
    private readonly List<int> _values = new();
    private readonly Dictionary<string, IPAddress> _hosts = new();

    public record Item(int Id, string Name, double Weight);

    public IPv6Prefix SitePrefix() => IPv6Prefix.Parse(Site);

    public IPv6Address Embed(string ipv4) => Nat64Prefix.Parse(Nat64).Embed(IPv4Address.Parse(ipv4));

    public IPv6Address WellKnown() => Nat64Prefix.WellKnown.Embed(IPv4Address.Parse("8.8.$a.$b"));

    public IPv6Address IsatapHost() => Isatap.CreateAddress(IPv6Prefix.Parse("2002:836b:$h:8000::/64"), IPv4Address.Parse("10.$b.$a.1"));

    public IPAddress Gateway() => IPAddress.Parse("192.168.$a.1");

    public bool IsGateway(IPAddress address) => address.Equals(Gateway()) || $compare;

    public IPNetwork Intranet() => IPNetwork.Parse("10.$a.0.$host/16");

    public Task<string> Derive(IsatapPlatformClient client) => client.DeriveNat64AddressAsync("64:ff9b::/96", "8.8.$a.$b");

    public Task<string> Host(IsatapPlatformClient client, string ipv4) => client.CreateIsatapAddressAsync("2002:836b:$h:8000::/64", ipv4);

    public object Request() => new IsatapAddressRequest("2002:836b:$h:8000::/64", "10.0.$a.$b");

    public async Task Configure(IsatapPlatformClient client)
    {
        await client.ConfigureRouterAsync(Router);
        _ = new RouterSpec { Name = Router };
    }

    public string Script(string state) => \$"Set-NetIsatapConfiguration -State {state} -Router {Router}" + Environment.NewLine
        + "netsh interface ipv6 show interfaces level=verbose";

    public int Sum(int n)
    {
        int total = 0;
        for (int k = 0; k < n; k++)
        {
            total += k * $i % 7;
            if (total % 3 == 0) _values.Add(total);
        }
        return total + _values.Where(v => v % 2 == 0).Sum();
    }

    public string Describe(int k) => k switch
    {
        0 => "zero",
        1 => "one",
        < 0 => throw new ArgumentOutOfRangeException(nameof(k)),
        _ => string.Join(",", Enumerable.Range(0, k).Select(x => x.ToString())),
    };

    public IEnumerable<Item> Items() => Enumerable.Range(0, 10).Select(x => new Item(x, \$"item{x}", x * 1.5));

    public string Report()
    {
        var sb = new StringBuilder();
        foreach (var item in Items().Where(x => x.Weight > 2).OrderByDescending(x => x.Name))
            sb.Append(item.Name).Append('=').Append(item.Weight.ToString("F1")).AppendLine();
        return sb.ToString();
    }

    public async Task<int> CountAsync(IAsyncEnumerable<string> lines)
    {
        int count = 0;
        await foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (line.StartsWith("isatap", StringComparison.OrdinalIgnoreCase)) count += 2;
            else count++;
        }
        return count;
    }
}
EOF
done
lines=$(cat "$work"/Consumer/*.cs "$work"/Consumer/Generated/*.cs | wc -l)

project="$work/Consumer/Consumer.csproj"
build() { dotnet build "$project" -c Release -nologo --no-restore --no-dependencies --no-incremental -nodeReuse:false "$@"; }
now() { date +%s%N; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# The second build of a pair tends to be the slower one on a busy machine (seen in 6 of 7 pairs in
# one run), which the alternating order turns into +/- swings. Averaging the mean ratio of the
# with-first pairs (even) and of the without-first pairs (odd) cancels that order effect.
balanced() { printf '%s\n' "$@" | awk '{ if ((NR - 1) % 2 == 0) { e += $1; ne++ } else { o += $1; no++ } }
  END { if (ne && no) printf "%+.1f%% (mean of with-first pairs %+.1f%%, of without-first pairs %+.1f%%)", (e / ne + o / no) / 2, e / ne, o / no; else print "n/a (needs RUNS >= 2)" }'; }
test -x /usr/bin/time || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

echo "== warm-up build (restore, Addressing, consumer)"
dotnet build "$project" -c Release -nologo -v:q >"$work/warmup.log" 2>&1 || { tail -n 30 "$work/warmup.log"; exit 1; }

# One measured build: $1 = log name, $2 = mode, rest = extra properties. Sets b_wall (ms), b_cpu (s).
measured() {
  local log=$1 mode=$2; shift 2
  if [ "$mode" = noserver ] && [ "$shutdown_server" = 1 ]; then dotnet build-server shutdown >/dev/null 2>&1 || true; fi
  local s; s=$(now)
  /usr/bin/time -f '%U %S' -o "$work/$log.time" \
    dotnet build "$project" -c Release -nologo --no-restore --no-dependencies --no-incremental -nodeReuse:false \
      -p:UseSharedCompilation=$([ "$mode" = server ] && echo true || echo false) \
      -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary "$@" >"$work/$log.log" 2>&1 \
    || { grep -E ' error ' "$work/$log.log" | head; exit 1; }
  b_wall=$(( ($(now) - s) / 1000000 ))
  b_cpu=$(awk 'END { printf "%.2f", $1 + $2 }' "$work/$log.time")
}

summary="$work/summary.txt"; : >"$summary"
out() { echo "$@" | tee -a "$summary"; }

for mode in $modes; do
  echo "== $mode: warm-up"
  build -v:q -p:UseSharedCompilation=$([ "$mode" = server ] && echo true || echo false) >/dev/null 2>&1
  build -v:q -p:UseSharedCompilation=$([ "$mode" = server ] && echo true || echo false) -p:IsatapAnalyzers=false >/dev/null 2>&1
  load_before=$(load); started=$(date -u '+%Y-%m-%d %H:%M')
  echo "== $mode: $runs pairs of builds with and without our analyzers (order alternating), -p:ReportAnalyzer=true"
  with=(); without=(); cwith=(); cwithout=(); shares=(); ours_s=(); csc_ms=(); pair_wall=(); pair_cpu=()
  for ((r = 0; r < runs; r++)); do
    for side in $( ((r % 2 == 0)) && echo "with without" || echo "without with"); do
      if [ "$side" = with ]; then
        measured "$mode-with$r" "$mode"
        w_wall=$b_wall; w_cpu=$b_cpu; with+=("$b_wall"); cwith+=("$b_cpu")
        o=$(awk '/IsatapPlatform\.Analyzers, Version=/ { print $1; exit }' "$work/$mode-with$r.log")
        c=$(awk '/Task Performance Summary/ { s = 1 } s && / Csc / { print $1; exit }' "$work/$mode-with$r.log")
        ours_s+=("$o"); csc_ms+=("$c")
        shares+=("$(awk -v o="$o" -v c="$c" 'BEGIN { printf "%.2f", 100 * o * 1000 / c }')")
      else
        measured "$mode-without$r" "$mode" -p:IsatapAnalyzers=false
        o_wall=$b_wall; o_cpu=$b_cpu; without+=("$b_wall"); cwithout+=("$b_cpu")
      fi
    done
    pair_wall+=("$(awk -v a="$w_wall" -v b="$o_wall" 'BEGIN { printf "%.2f", 100 * (a - b) / b }')")
    pair_cpu+=("$(awk -v a="$w_cpu" -v b="$o_cpu" 'BEGIN { printf "%.2f", 100 * (a - b) / b }')")
    echo "   pair $r: with ${w_wall} ms / ${w_cpu} s cpu, without ${o_wall} ms / ${o_cpu} s cpu, ours ${shares[-1]}% of Csc, load $(load)"
  done
  load_after=$(load)
  last=$((runs - 1))
  all=$(awk '/Total analyzer execution time:/ { print $(NF-1); exit }' "$work/$mode-with$last.log")
  warnings=$(grep -oE 'Service[0-9]+\.cs\([0-9,]+\): warning ISA00[0-9]+' "$work/$mode-with$last.log" | sort -u | wc -l)
  grep -E '^\s+[0-9.<]+\s+[0-9<]+\s+IsatapPlatform\.Analyzers' "$work/$mode-with$last.log" | sed 's/^ *//' | awk '!seen[$0]++' | sort -rn >"$work/$mode-ours.txt" || true

  out ""
  out "mode:                  $mode ($( [ "$mode" = server ] && echo "compiler server, UseSharedCompilation=true: our analyzers are loaded and JIT-compiled once" || echo "UseSharedCompilation=false: a fresh csc per build, which loads and JIT-compiles our analyzers every time$( [ "$shutdown_server" = 1 ] && echo "; build-server shutdown before each build")" ))"
  out "consumer:              $files generated files + 1, $lines lines, net10.0, Release"
  out "our analyzers (last run, compiler's ReportAnalyzer table):"
  sed 's/^/    /' "$work/$mode-ours.txt" | tee -a "$summary"
  out "all analyzers:         ${all} s in the last run (ReportAnalyzer total, summed over threads)"
  out "ISA diagnostics:       ${warnings} distinct warnings in the last build (files 0, 100, 200, ... have one ISA0003 and one ISA0009)"
  out "ReportAnalyzer share:  median $(median "${shares[@]}")% of the Csc task (runs: ${shares[*]} %; ours ${ours_s[*]} s; Csc ${csc_ms[*]} ms)"
  m_with=$(median "${with[@]}"); m_without=$(median "${without[@]}")
  out "wall clock:            median of pair ratios $(median "${pair_wall[@]}" | awk '{ printf "%+.1f", $1 }')% (pairs: ${pair_wall[*]} %)"
  out "                       medians $m_with ms with, $m_without ms without -> $(awk -v a="$m_with" -v b="$m_without" 'BEGIN { printf "%+.1f", 100 * (a - b) / b }')% (with: ${with[*]}; without: ${without[*]})"
  out "                       order-balanced: $(balanced "${pair_wall[@]}")"
  if [ "$mode" = noserver ]; then
    m_cwith=$(median "${cwith[@]}"); m_cwithout=$(median "${cwithout[@]}")
    out "CPU (user+sys):        median of pair ratios $(median "${pair_cpu[@]}" | awk '{ printf "%+.1f", $1 }')% (pairs: ${pair_cpu[*]} %)"
    out "                       medians $m_cwith s with, $m_cwithout s without -> $(awk -v a="$m_cwith" -v b="$m_cwithout" 'BEGIN { printf "%+.1f", 100 * (a - b) / b }')%"
    out "                       order-balanced: $(balanced "${pair_cpu[@]}")"
  fi
  out "load average:          $load_before before, $load_after after ($(nproc) cores)"
  out "date:                  $started to $(date -u '+%H:%M') UTC"
done
out ""
out "machine:               $(nproc) cores, $(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }'), $(uname -sr), .NET SDK $(dotnet --version)"
out "analyzers:             commit $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- analyzers || echo ' (with uncommitted changes under analyzers/)')"
echo "(summary also in $summary)"
