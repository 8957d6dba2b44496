#!/usr/bin/env bash
# How long pages take to answer on a running archive, as a signed-in browser asks for them: signs in
# with the login form, asks for each page once to warm it, then five times, and prints the median in
# milliseconds as a Markdown table row per page. Needs curl.
#
#   bench/pages.sh BASE_URL USER:PASSWORD PATH...
#   bench/pages.sh http://localhost:8080 admin:secret /browse /sources /tags
set -euo pipefail
base=${1:?give the address of the archive}
credentials=${2:?give USER:PASSWORD}
shift 2
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
csrf=$(curl -sf -c "$jar" -b "$jar" "$base/login" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=${credentials%%:*}" \
  --data-urlencode "password=${credentials#*:}" --data-urlencode "_csrf=$csrf" "$base/login"
for path in "$@"; do
  status=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$base$path")
  times=()
  for i in 1 2 3 4 5; do
    times+=( "$(curl -s -b "$jar" -o /dev/null -w '%{time_total}' "$base$path")" )
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  awk -v p="$path" -v s="$status" -v t="$median" 'BEGIN { printf "| `%s` | %s | %.0f ms |\n", p, s, t * 1000 }'
done
