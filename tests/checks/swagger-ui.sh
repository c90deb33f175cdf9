#!/usr/bin/env bash
# Swagger UI renders in headless Chromium (Debian package) and "Try it out" on POST
# /api/v1/nat64/derive returns 200. Saves a screenshot to .ci/out/swagger-ui.png.
# Loopback only: the service listens on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
chromium_bin=$(command -v chromium || true)
[ -n "$chromium_bin" ] || { echo "chromium is not installed (apt-get install chromium)"; exit 1; }
out=${CHECK_OUT:-.ci/out}; mkdir -p "$out"
port=${SWAGGER_CHECK_PORT:-5187}
url="http://127.0.0.1:$port"

for project in api/IsatapPlatform.Api tests/IsatapPlatform.SwaggerUiCheck; do
  dotnet build -c Release "$project" -v q -nologo >"$out/swagger-build.log" 2>&1 || { cat "$out/swagger-build.log"; exit 1; }
done
dotnet api/IsatapPlatform.Api/bin/Release/net10.0/IsatapPlatform.Api.dll --urls "$url" >"$out/swagger-service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "$url/health/live" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$url/health/live" >/dev/null || { echo "service did not start"; cat "$out/swagger-service.log"; exit 1; }

dotnet tests/IsatapPlatform.SwaggerUiCheck/bin/Release/net10.0/IsatapPlatform.SwaggerUiCheck.dll "$url" "$out/swagger-ui.png" "$chromium_bin"
