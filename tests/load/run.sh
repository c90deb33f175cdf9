#!/usr/bin/env bash
# HTTP load test of the REST service with wrk, loopback only, bounded in time (about 2 minutes).
#
#   bash tests/load/run.sh            # prints a Markdown table; RESULTS=file appends it there too
#
# Measures in one run, on one service process:
#   - GET /health/live                  the baseline: the cheapest request the host can serve
#   - GET and POST /api/v1/nat64/derive derive throughput as a ratio of the baseline, and p99
#   - GET /api/v1/addresses/{address}   and POST /api/v1/addresses/inspect
#   - POST /api/v1/nat64/derive/batch   with 10,000 addresses per request: addresses per second
#   - POST /api/v1/nat64/derive/stream  10,000,000 lines: the service's resident memory, sampled
#                                       every 100 ms for the whole upload, must stay under 200 MB
# Targets (2-core machine, wrk sharing the cores): derive >= 80% of baseline req/s with
# p99 <= 5 ms at 32 connections; batch >= 2,000,000 addresses/s; stream RSS < 200 MB.
# Because the machine is shared and noisy, the figures that count are ratios within this run.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
STREAM_LINES=${STREAM_LINES:-10000000}
PORT=${PORT:-5190}
URL="http://127.0.0.1:$PORT"
work=$(mktemp -d)
trap 'kill "${service:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

if ! command -v wrk >/dev/null; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq wrk >/dev/null
fi

dotnet build -c Release api/IsatapPlatform.Api -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
# Production settings, no request logging: we measure the service, not the console.
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet api/IsatapPlatform.Api/bin/Release/net10.0/IsatapPlatform.Api.dll --urls "$URL" >"$work/service.log" 2>&1 &
service=$!
for _ in $(seq 1 80); do curl -fs "$URL/health/live" >/dev/null 2>&1 && break; sleep 0.25; done
curl -fs "$URL/health/live" >/dev/null || { echo "service did not start"; cat "$work/service.log"; exit 1; }

# wrk scripts for the POST bodies.
post_script() { # name body
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [[%s]]\n' "$2" >"$work/$1.lua"
}
post_script derive '{"prefix":"fd03:b402:e10c:7777::/96","ipv4":"172.16.1.225"}'
post_script inspect '{"address":"2001:0:4136:e378:8000:63bf:3fff:fdd2"}'
batch_body=$(awk 'BEGIN { printf "{\"prefix\":\"fd03:b402:e10c:7777::/96\",\"ipv4\":["; for (i = 0; i < 10000; i++) { if (i) printf ","; printf "\"10.%d.%d.%d\"", int(i / 65536) % 256, int(i / 256) % 256, i % 256 } printf "]}" }')
post_script batch "$batch_body"

# wrk prints e.g. "Requests/sec:  34312.22" and, with --latency, "     99%    1.23ms".
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'; }
run_wrk() { # name url [script] [connections]
  local name=$1 url=$2 script=${3:-} conns=${4:-$CONNECTIONS}
  local args=(-t"$THREADS" -c"$conns" -d"$DURATION" --latency)
  [ -n "$script" ] && args+=(-s "$work/$script.lua")
  wrk "${args[@]}" "$url" >"$work/$name.txt"
  local rps p99 non2xx
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$work/$name.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$work/$name.txt" | to_ms)
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$work/$name.txt")
  echo "$rps $p99 ${non2xx:-0}"
}

read -r base_rps base_p99 base_bad < <(run_wrk health "$URL/health/live")
read -r get_rps get_p99 get_bad < <(run_wrk derive-get "$URL/api/v1/nat64/derive?prefix=fd03:b402:e10c:7777::/96&ipv4=172.16.1.225")
read -r post_rps post_p99 post_bad < <(run_wrk derive-post "$URL/api/v1/nat64/derive" derive)
read -r iget_rps iget_p99 iget_bad < <(run_wrk inspect-get "$URL/api/v1/addresses/2001:0:4136:e378:8000:63bf:3fff:fdd2")
read -r ipost_rps ipost_p99 ipost_bad < <(run_wrk inspect-post "$URL/api/v1/addresses/inspect" inspect)
# Fewer connections for batch: each request is 10,000 items, so 32 would only queue.
read -r batch_rps batch_p99 batch_bad < <(run_wrk batch "$URL/api/v1/nat64/derive/batch" batch 4)
batch_aps=$((batch_rps * 10000))

# Stream: generate the lines on the fly (no 130 MB file), count the result lines, sample RSS.
rss_log="$work/rss.txt"
( while kill -0 "$service" 2>/dev/null; do awk '/^VmRSS:/ { print $2 }' "/proc/$service/status"; sleep 0.1; done ) >"$rss_log" &
sampler=$!
start=$(date +%s.%N)
stream_out=$(awk -v n="$STREAM_LINES" 'BEGIN { for (i = 0; i < n; i++) printf "10.%d.%d.%d\n", int(i / 65536) % 256, int(i / 256) % 256, i % 256 }' \
  | curl -fsS -N -X POST -H 'Content-Type: text/plain' -H 'Transfer-Encoding: chunked' --data-binary @- \
      "$URL/api/v1/nat64/derive/stream?prefix=fd03:b402:e10c:7777::/96" | wc -l)
end=$(date +%s.%N)
kill "$sampler" 2>/dev/null || true
rss_max_mb=$(sort -n "$rss_log" | tail -n 1 | awk '{ printf "%.0f", $1 / 1024 }')
stream_secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
stream_lps=$(awk -v n="$stream_out" -v s="$stream_secs" 'BEGIN { printf "%.0f", n / s }')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo FAIL; fi; }
machine="$(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(dotnet --version) SDK"
report=$(cat <<REPORT
Load test, $(date -u '+%Y-%m-%d %H:%M UTC'), $machine; wrk -t$THREADS -c$CONNECTIONS -d$DURATION on loopback, wrk and the service sharing the cores.

| request | req/s | vs baseline | p99 ms | non-2xx | target | verdict |
|---|---:|---:|---:|---:|---|---|
| GET /health/live (baseline) | $base_rps | 100% | $base_p99 | $base_bad | | |
| GET /api/v1/nat64/derive | $get_rps | $(ratio "$get_rps" "$base_rps") | $get_p99 | $get_bad | >= 80%, p99 <= 5 ms | $(verdict "$get_rps >= 0.8 * $base_rps && $get_p99 <= 5 && $get_bad == 0") |
| POST /api/v1/nat64/derive | $post_rps | $(ratio "$post_rps" "$base_rps") | $post_p99 | $post_bad | >= 80%, p99 <= 5 ms | $(verdict "$post_rps >= 0.8 * $base_rps && $post_p99 <= 5 && $post_bad == 0") |
| GET /api/v1/addresses/{address} | $iget_rps | $(ratio "$iget_rps" "$base_rps") | $iget_p99 | $iget_bad | | |
| POST /api/v1/addresses/inspect | $ipost_rps | $(ratio "$ipost_rps" "$base_rps") | $ipost_p99 | $ipost_bad | | |
| POST /api/v1/nat64/derive/batch (10,000 items, 4 connections) | $batch_rps | | $batch_p99 | $batch_bad | >= 2,000,000 addresses/s | $batch_aps addresses/s $(verdict "$batch_aps >= 2000000 && $batch_bad == 0") |
| POST /api/v1/nat64/derive/stream ($STREAM_LINES lines) | | | | | RSS < 200 MB, every line answered | $stream_out lines in ${stream_secs}s ($stream_lps lines/s), max RSS ${rss_max_mb} MB $(verdict "$rss_max_mb < 200 && $stream_out == $STREAM_LINES") |
REPORT
)
echo "$report"
[ -n "${RESULTS:-}" ] && printf '\n%s\n' "$report" >>"$RESULTS"
grep -q FAIL <<<"$report" && exit 1 || exit 0
