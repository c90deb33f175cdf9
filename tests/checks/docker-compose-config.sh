#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine (none runs on CI machines): `config`
# parses, interpolates and schema-checks the file, then we assert the service contract.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v docker-compose >/dev/null || { echo "docker-compose is not installed (apt-get install docker-compose)"; exit 1; }
rendered=$(docker-compose -f docker-compose.yml config)
echo "$rendered"
grep -q 'dockerfile: api/IsatapPlatform.Api/Dockerfile' <<<"$rendered" || { echo "api service must build api/IsatapPlatform.Api/Dockerfile"; exit 1; }
grep -Eq 'published: "?8080"?|8080:8080' <<<"$rendered" || { echo "api service must publish port 8080"; exit 1; }
grep -q '/health/live' <<<"$rendered" || { echo "api service must have a health check on /health/live"; exit 1; }
# The Dockerfile itself: multi-stage, non-root, with a health check.
df=api/IsatapPlatform.Api/Dockerfile
[ "$(grep -c '^FROM ' "$df")" -ge 2 ] || { echo "$df must be multi-stage"; exit 1; }
grep -q '^USER ' "$df" || { echo "$df must switch to a non-root user"; exit 1; }
grep -q '^HEALTHCHECK ' "$df" || { echo "$df must declare a HEALTHCHECK"; exit 1; }
echo "docker-compose.yml and Dockerfile are valid"
