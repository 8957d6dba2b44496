#!/usr/bin/env bash
# How long a saved article takes to become searchable, as an API client sees it: saves N articles
# one at a time and, after each save returns, searches for its unique word until it is found.
#
#   bench/visibility.sh [BASE_URL] [USER:PASSWORD] [N]
#   bench/visibility.sh http://localhost:8080 admin:secret 200
#
# It creates a personal API token first (HTTP Basic checks a password hash on every request, which
# would add its own time to every search), and prints the 50th and 99th percentile and the maximum
# in milliseconds. Needs curl.
set -euo pipefail
base=${1:-http://localhost:8080}
credentials=${2:?give USER:PASSWORD of an editor}
count=${3:-200}
token=$(curl -sf -u "$credentials" -H 'Content-Type: application/json' -d '{"name": "visibility benchmark"}' \
  "$base/api/v1/tokens" | sed -E 's/.*"secret":"([^"]+)".*/\1/')
auth=(-H "Authorization: Bearer $token")
samples=()
for i in $(seq 1 "$count"); do
  word="vis$(date +%s%N)x$i"
  curl -sf "${auth[@]}" -H 'Content-Type: text/plain; charset=UTF-8' \
    --data-binary "A story filed to measure how soon it is found: $word." "$base/api/v1/articles" >/dev/null
  saved=$(date +%s%N)
  until curl -sf "${auth[@]}" "$base/api/v1/articles?q=$word&size=1" | grep -q '"total":1'; do :; done
  found=$(date +%s%N)
  samples+=( $(( (found - saved) / 1000000 )) )
done
printf '%s\n' "${samples[@]}" | sort -n | awk -v n="$count" '
  { v[NR] = $1 }
  END {
    p50 = v[int((n * 50 + 99) / 100)]; p99 = v[int((n * 99 + 99) / 100)];
    printf "saved-to-searchable over %d saves: p50 %d ms, p99 %d ms, max %d ms\n", n, p50, p99, v[n]
  }'
