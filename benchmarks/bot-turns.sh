#!/usr/bin/env bash
# Bot turns from an external load generator (wrk): the stock Bot Builder echo bot and MeetingBot side by side in one
# run, the same reply sink, MeetingBot in the configuration the README's run command gives (SQLite storage unless
# MEETINGBOT_STORAGE says otherwise).
#   bash benchmarks/bot-turns.sh [seconds per row, default 15] [MeetingBot text, default "meetings"]
# WARMUP (seconds, default 30) is the load before each measured row: on 2 cores tiered compilation takes tens of
# seconds under load to finish compiling the hot paths (a 3 s warm-up measured part of that, not the steady state).
# ROUNDS (default 1): with more, the 32-connection rows are measured again, the two bots taking turns (order
# alternating, REWARM seconds of load first, default 5), and the medians are printed: a shared box swings by a third
# between minutes, and a ratio from one pair of rows moves with it.
# Needs wrk (Debian package "wrk"). Prints a markdown table; docs/benchmarks.md §3 records its runs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
text=${2:-meetings}
warmup=${WARMUP:-30}
rounds=${ROUNDS:-1}
rewarm=${REWARM:-5}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }

dotnet build -c Release src/MeetingBot.Web -v q -nologo >/dev/null
dotnet build -c Release benchmarks/MeetingBot.Load -v q -nologo >/dev/null

work=$(mktemp -d)
trap 'exec 3>&-; wait "$serve_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
mkfifo "$work/in"
dotnet run -c Release --no-build --project benchmarks/MeetingBot.Load -- serve < "$work/in" > "$work/serve.out" 2> "$work/serve.err" &
serve_pid=$!
exec 3> "$work/in"
for _ in $(seq 1 600); do grep -q '^coldstart_ms' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
grep -q '^coldstart_ms' "$work/serve.out" || { cat "$work/serve.err" >&2; echo "the hosts did not start" >&2; exit 1; }
value() { awk -v k="$1" '$1 == k { print $2 }' "$work/serve.out"; }
sink=$(value sink); echo_url=$(value echo); product_url=$(value meetingbot)

echo "Bot turns, $(date -u +%F), $(nproc) cores, wrk, ${warmup} s warm-up and ${seconds} s per row, MeetingBot text \"$text\", storage $(value storage)"
echo "MeetingBot cold start to first answered activity: $(value coldstart_ms) ms"
echo
echo "| bot | connections | turns/s | p50 ms | p90 ms | p99 ms | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|"
declare -A rate
row() { # key name url text connections [warm-up seconds]
  local key=$1 name=$2 url=$3 message=$4 connections=$5 warm=${6:-$warmup} threads=$(( $5 < 2 ? 1 : 2 )) out
  # Warm-up (tiered JIT, pools, the first state of every conversation the row uses), then the measured row.
  SERVICE_URL=$sink TEXT=$message RUN="$key-$connections" wrk --timeout 10s -t$threads -c$connections -d${warm}s -s benchmarks/wrk/activity.lua "$url" >/dev/null
  out=$(SERVICE_URL=$sink TEXT=$message RUN="$key-$connections" wrk --timeout 10s -t$threads -c$connections -d${seconds}s -s benchmarks/wrk/activity.lua "$url" | grep '^RESULT')
  # RESULT requests=… rps=… p50_ms=… → r_requests=… r_rps=… (so the row's own variables stay untouched)
  eval "$(echo "$out" | sed 's/^RESULT //; s/\([a-z0-9_]*\)=/r_\1=/g; s/ /;/g')"
  rate[$key-$connections]=$r_rps
  printf '| %s | %d | %s | %s | %s | %s | %s |\n' "$name" "$connections" "$(printf '%.0f' "$r_rps")" "$r_p50_ms" "$r_p90_ms" "$r_p99_ms" "$r_errors"
}
for connections in 1 32; do
  row echo "echo (stock)" "$echo_url" hello $connections
  row meetingbot MeetingBot "$product_url" "$text" $connections
done
ratios=() products=() p99s=()
ratios+=("$(awk -v a="${rate[meetingbot-32]}" -v b="${rate[echo-32]}" 'BEGIN { printf "%.2f", a / b }')")
products+=("${rate[meetingbot-32]}"); p99s+=("$r_p99_ms")
for round in $(seq 2 "$rounds"); do
  # Both bots are warm already: a short load re-opens the connections, then the row; the order alternates.
  if (( round % 2 == 0 )); then
    row meetingbot "MeetingBot (round $round)" "$product_url" "$text" 32 "$rewarm"; p99s+=("$r_p99_ms")
    row echo "echo (stock) (round $round)" "$echo_url" hello 32 "$rewarm"
  else
    row echo "echo (stock) (round $round)" "$echo_url" hello 32 "$rewarm"
    row meetingbot "MeetingBot (round $round)" "$product_url" "$text" 32 "$rewarm"; p99s+=("$r_p99_ms")
  fi
  ratios+=("$(awk -v a="${rate[meetingbot-32]}" -v b="${rate[echo-32]}" 'BEGIN { printf "%.2f", a / b }')")
  products+=("${rate[meetingbot-32]}")
done
echo
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
if (( rounds > 1 )); then
  echo "MeetingBot / stock echo at 32 connections, per round: ${ratios[*]} (x)"
  printf 'Medians of %d rounds at 32 connections: MeetingBot %.0f turns/s, p99 %s ms, ratio %.1fx\n' "$rounds" \
    "$(median "${products[@]}")" "$(median "${p99s[@]}")" "$(median "${ratios[@]}")"
else
  awk -v a="${rate[meetingbot-32]}" -v b="${rate[echo-32]}" 'BEGIN { printf "MeetingBot / stock echo at 32 connections: %.1fx\n", a / b }'
fi
