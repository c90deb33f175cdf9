#!/usr/bin/env bash
# Issues 6 and 7: the NuGet packages, checked as a customer sees them.
#  1. packs IsatapPlatform.Addressing, .Contracts and .Client into a temporary local folder feed (pack also
#     runs package validation: the net10.0 API must include the net8.0 API, sdk/Directory.Build.props);
#  2. asserts their contents: lib/net8.0 + lib/net10.0 dll and XML docs, README, licence and repository
#     metadata, a .snupkg, the client's dependencies, the analyzers under analyzers/dotnet/cs;
#  3. builds the sample (sdk/samples/IsatapPlatform.Samples.Console) from that feed, starts the service on
#     a loopback port and runs the sample against it (expects fd03:b402:e10c:7777::ac10:1e1, ...);
#  4. builds tests/checks/consumer, which misuses addresses on purpose, from the packed client and asserts
#     that the packaged analyzers report exactly the diagnostics marked "// expect:" in Misuse.cs.
# The sample and the consumer are copied into the temporary directory with the feed next to them, so their
# own nuget.config files are used unchanged, and they restore into an empty global-packages folder there
# (NUGET_PACKAGES), so a stale IsatapPlatform 0.1.0 cached in ~/.nuget/packages is never used.
# Needs: the .NET SDK, python3 (reads the zip files), curl. Network: NuGet restore; the service is loopback only.
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
started=$SECONDS
out=${CHECK_OUT:-.ci/out}; mkdir -p "$out"; out=$(cd "$out" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/isatap-packages.XXXXXX")
feed=$work/artifacts/packages
clean_packages=$work/nuget-packages
service_pid=""

cleanup() {
  if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null; wait "$service_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

results=()
failures=0
pass() { echo "PASS  $*"; results+=("PASS  $*"); }
fail() { echo "FAIL  $*"; results+=("FAIL  $*"); failures=$((failures + 1)); }
summary() {
  echo
  echo "== packages.sh summary ($((SECONDS - started)) s)"
  printf '   %s\n' "${results[@]}"
  if [ "$failures" -eq 0 ]; then echo "PASS: packages"; exit 0; fi
  echo "FAIL: packages ($failures failed)"; exit 1
}
section() { echo "== $* (at $((SECONDS - started)) s)"; }
# A step that later steps depend on failed: say so and stop.
abort() { fail "$*"; summary; }

for tool in dotnet python3 curl; do
  command -v "$tool" >/dev/null || abort "$tool is not installed"
done

# --- 1. pack ---------------------------------------------------------------------------------------
section "pack into $feed"
# One pack of a solution filter holding the three packable projects: one restore and evaluation, and the
# independent projects build in parallel. (The filter names the solution by absolute path.)
packages=(IsatapPlatform.Addressing IsatapPlatform.Contracts IsatapPlatform.Client)
{
  printf '{ "solution": { "path": "%s/IsatapPlatform.sln", "projects": [' "$repo"
  sep=""; for p in "${packages[@]}"; do printf '%s "sdk/%s/%s.csproj"' "$sep" "$p" "$p"; sep=","; done
  printf ' ] } }\n'
} >"$work/packages.slnf"
if dotnet pack "$work/packages.slnf" -c Release -o "$feed" -nologo >"$out/packages-pack.log" 2>&1; then
  pass "dotnet pack ${packages[*]}"
else
  tail -n 30 "$out/packages-pack.log"
  abort "dotnet pack (log: $out/packages-pack.log)"
fi
# The version pack gave the client (the repository's <Version>), read back from the file name.
version=$(cd "$feed" && ls IsatapPlatform.Client.*.nupkg 2>/dev/null | sed -n 's|^IsatapPlatform\.Client\.\(.*\)\.nupkg$|\1|p' | head -n 1)
[ -n "$version" ] || abort "no IsatapPlatform.Client package in $feed"
echo "   version $version"
ls -l "$feed"

# --- 2. package contents ---------------------------------------------------------------------------
section "package contents"
# Prints the listing and nuspec of each package, then one "ok ..." or "missing ..." line per expectation.
python3 - "$feed" "$version" >"$out/packages-contents.log" 2>&1 <<'PY'
import sys, zipfile, re, xml.etree.ElementTree as ET
feed, version = sys.argv[1], sys.argv[2]
problems = []
def expect(cond, what):
    print(("ok      " if cond else "missing ") + what)
    if not cond: problems.append(what)
for pkg in ("IsatapPlatform.Addressing", "IsatapPlatform.Contracts", "IsatapPlatform.Client"):
    path = f"{feed}/{pkg}.{version}.nupkg"
    try:
        z = zipfile.ZipFile(path)
    except Exception as e:
        expect(False, f"{path}: {e}"); continue
    names = set(z.namelist())
    print(f"--- {pkg}.{version}.nupkg")
    for n in sorted(names):
        print("   ", n)
    nuspec = z.read(f"{pkg}.nuspec").decode("utf-8-sig")
    print(nuspec)
    md = ET.fromstring(nuspec).find("{*}metadata")
    get = lambda tag: md.find("{*}" + tag)
    for tfm in ("net8.0", "net10.0"):
        expect(f"lib/{tfm}/{pkg}.dll" in names, f"{pkg}: lib/{tfm}/{pkg}.dll")
        expect(f"lib/{tfm}/{pkg}.xml" in names, f"{pkg}: lib/{tfm}/{pkg}.xml (XML docs)")
    expect("README.md" in names and get("readme") is not None and get("readme").text == "README.md", f"{pkg}: README.md packed and named in the nuspec")
    lic = get("license")
    expect(lic is not None and lic.get("type") == "expression" and lic.text == "MIT", f"{pkg}: licence expression MIT")
    repo = get("repository")
    expect(repo is not None and repo.get("type") == "git" and (repo.get("url") or "").startswith("https://github.com/"), f"{pkg}: repository type git with a URL")
    expect(get("projectUrl") is not None, f"{pkg}: projectUrl")
    expect(get("description") is not None and len(get("description").text or "") > 20, f"{pkg}: description")
    try:
        s = zipfile.ZipFile(f"{feed}/{pkg}.{version}.snupkg").namelist()
        for tfm in ("net8.0", "net10.0"):
            expect(f"lib/{tfm}/{pkg}.pdb" in s, f"{pkg}: symbols package has lib/{tfm}/{pkg}.pdb")
    except Exception as e:
        expect(False, f"{pkg}: symbols package ({e})")
    deps = {}
    for group in md.findall(".//{*}group"):
        deps[group.get("targetFramework")] = {d.get("id") for d in group.findall("{*}dependency")}
    print("dependencies:", deps)
    expect(set(deps) == {"net8.0", "net10.0"}, f"{pkg}: dependency groups for net8.0 and net10.0")
    all_deps = set().union(*deps.values()) if deps else set()
    expect(not any("Analyzers" in d for d in all_deps), f"{pkg}: no dependency on the analyzer projects")
    if pkg == "IsatapPlatform.Client":
        for a in ("IsatapPlatform.Analyzers.dll", "IsatapPlatform.Analyzers.CodeFixes.dll"):
            expect(f"analyzers/dotnet/cs/{a}" in names, f"{pkg}: analyzers/dotnet/cs/{a}")
        expect(not any(n.startswith("lib/") and "Analyzers" in n for n in names), f"{pkg}: analyzers not under lib/")
        common = {"IsatapPlatform.Addressing", "IsatapPlatform.Contracts", "Microsoft.Extensions.Http", "Microsoft.Extensions.Http.Resilience"}
        expect(deps.get("net10.0") == common, f"{pkg}: net10.0 dependencies are exactly {sorted(common)} (got {sorted(deps.get('net10.0', []))})")
        expect(deps.get("net8.0") == common | {"System.Text.Json"}, f"{pkg}: net8.0 dependencies add System.Text.Json (got {sorted(deps.get('net8.0', []))})")
    else:
        expect(not any(n.startswith("analyzers/") for n in names), f"{pkg}: no analyzers (they ship in the client)")
sys.exit(1 if problems else 0)
PY
contents_rc=$?
grep -E '^(ok|missing) ' "$out/packages-contents.log" | sed 's/^/   /'
if [ "$contents_rc" -eq 0 ]; then pass "package contents ($(grep -c '^ok ' "$out/packages-contents.log") expectations)"
else fail "package contents: $(grep -c '^missing ' "$out/packages-contents.log") missing (log: $out/packages-contents.log)"; fi

# --- 3. the sample, built from the feed, against the running service ------------------------------
section "sample"
mkdir -p "$work/sdk"
cp -r sdk/samples "$work/sdk/samples"
rm -rf "$work/sdk/samples"/*/bin "$work/sdk/samples"/*/obj
sample=$work/sdk/samples/IsatapPlatform.Samples.Console
if NUGET_PACKAGES=$clean_packages dotnet build "$sample" -c Release -nologo -p:IsatapPlatformVersion="$version" >"$out/packages-sample-build.log" 2>&1; then
  pass "sample builds from the local feed"
else
  tail -n 30 "$out/packages-sample-build.log"
  fail "sample build (log: $out/packages-sample-build.log)"
fi
# The client package must have come from the feed (not a project, not another source).
meta=$clean_packages/isatapplatform.client/$version/.nupkg.metadata
if [ -f "$meta" ] && grep -q "$feed" "$meta"; then pass "sample restored IsatapPlatform.Client $version from the local feed"
else fail "sample did not restore IsatapPlatform.Client $version from $feed ($(cat "$meta" 2>/dev/null))"; fi

section "service"
if dotnet build api/IsatapPlatform.Api -c Release -nologo >"$out/packages-api-build.log" 2>&1; then
  # Port 0: the OS picks a free loopback port, read back from the "Now listening on" line.
  ASPNETCORE_ENVIRONMENT=Production dotnet api/IsatapPlatform.Api/bin/Release/net10.0/IsatapPlatform.Api.dll \
    --urls "http://127.0.0.1:0" >"$out/packages-service.log" 2>&1 &
  service_pid=$!
  url=""
  for _ in $(seq 1 120); do
    url=$(sed -n 's|.*Now listening on: \(http://127\.0\.0\.1:[0-9]*\).*|\1|p' "$out/packages-service.log" | head -n 1)
    [ -n "$url" ] && curl -fs "$url/health/live" >/dev/null 2>&1 && break
    kill -0 "$service_pid" 2>/dev/null || break
    sleep 0.5
  done
  if [ -n "$url" ] && curl -fs "$url/health/live" >/dev/null 2>&1; then
    pass "service listens on $url"
    dotnet "$sample/bin/Release/net10.0/IsatapPlatform.Samples.Console.dll" "$url" >"$out/packages-sample-run.log" 2>&1
    sample_rc=$?
    sed 's/^/   | /' "$out/packages-sample-run.log"
    [ "$sample_rc" -eq 0 ] && pass "sample exits 0" || fail "sample exit code $sample_rc"
    for expected in "fd03:b402:e10c:7777::ac10:1e1" "fd03:b402:e10c:7777::172.16.1.225" "fd03:b402:e10c:1:0:5efe:ac10:10a" "nat64.wkp-non-global"; do
      grep -qF "$expected" "$out/packages-sample-run.log" && pass "sample output has $expected" || fail "sample output lacks $expected"
    done
  else
    tail -n 30 "$out/packages-service.log"
    fail "service did not start (log: $out/packages-service.log)"
  fi
  kill "$service_pid" 2>/dev/null; wait "$service_pid" 2>/dev/null; service_pid=""
else
  tail -n 30 "$out/packages-api-build.log"
  fail "service build (log: $out/packages-api-build.log)"
fi

# --- 4. the analyzers in the packed client, in a real consumer build ---------------------------------
section "consumer (analyzers from the package)"
cp -r tests/checks/consumer "$work/consumer"
rm -rf "$work/consumer/bin" "$work/consumer/obj"
# Errors are expected here (several rules are errors): the exit code is not the verdict, the diagnostics are.
NUGET_PACKAGES=$clean_packages dotnet build "$work/consumer" -nologo -p:IsatapPlatformVersion="$version" \
  -clp:NoSummary >"$out/packages-consumer-build.log" 2>&1
consumer_rc=$?
# The consumer targets net8.0 and net10.0 (it compiles against both lib folders); the analyzers must report
# every marker in each target framework's compilation.
markers=$(grep -nE '// expect: ISA[0-9]{4} (error|warning)$' tests/checks/consumer/Misuse.cs \
  | sed -E 's#^([0-9]+):.*// expect: (ISA[0-9]{4}) (error|warning)$#\1 \3 \2#')
expected=$(for tfm in net8.0 net10.0; do [ -n "$markers" ] && sed "s/^/$tfm /" <<<"$markers"; done | sort -u)
actual=$(sed -nE 's#.*Misuse\.cs\(([0-9]+),[0-9]+\): (error|warning) (ISA[0-9]{4}):.*TargetFramework=(net[0-9.]+)\]$#\4 \1 \2 \3#p' \
  "$out/packages-consumer-build.log" | sort -u)
echo "   expected (framework line severity id):"; sed 's/^/     /' <<<"$expected"
echo "   reported by dotnet build (exit code $consumer_rc):"; sed 's/^/     /' <<<"$actual"
if [ ! -f "$work/consumer/obj/project.assets.json" ] || grep -q 'error NU' "$out/packages-consumer-build.log"; then
  tail -n 30 "$out/packages-consumer-build.log"
  fail "consumer restore from the local feed (log: $out/packages-consumer-build.log)"
elif [ -n "$expected" ] && [ "$expected" = "$actual" ]; then
  pass "consumer (net8.0, net10.0): the packaged analyzers report exactly the $(wc -l <<<"$markers") expected diagnostics ($(awk '{print $3}' <<<"$markers" | sort -u | paste -sd, -))"
else
  diff <(echo "$expected") <(echo "$actual") | sed 's/^/     /'
  fail "consumer: reported diagnostics differ from the // expect: markers (< expected, > reported)"
fi
# Nothing else may go wrong: a compile error means the SDK's API changed under the consumer, AD0001 an
# analyzer crash, CS8032/CS9057 an analyzer that could not load.
other=$(grep -oE '(error|warning) (CS[0-9]{4}|AD0001)[^[]*' "$out/packages-consumer-build.log" | grep -vE 'warning CS(0168|0219)' | sort -u)
if [ -z "$other" ]; then pass "consumer: no compiler errors, analyzer crashes (AD0001) or load failures (CS8032/CS9057)"
else sed 's/^/     /' <<<"$other"; fail "consumer: unexpected compiler diagnostics"; fi

summary
