#!/usr/bin/env bash
# Cold start to the first answered activity: the host's Release build (what `dotnet build -c Release` gives) and its
# ReadyToRun publish (a deployment image), each started several times in a fresh directory (a new SQLite file unless
# MEETINGBOT_STORAGE says otherwise). docs/benchmarks.md §5 records its runs.
#   bash benchmarks/cold-start.sh [starts per build, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
starts=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release src/MeetingBot.Web -v q -nologo >/dev/null
dotnet build -c Release benchmarks/MeetingBot.Load -v q -nologo >/dev/null
# A clean ReadyToRun publish: stale precompiled images from an earlier publish would not match the new code.
rm -rf src/MeetingBot.Web/obj/Release/net10.0/linux-x64
dotnet publish src/MeetingBot.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" -v q -nologo >/dev/null

summary() { sort -n | awk '{ v[NR] = $1 } END { printf "median %d ms (min %d, max %d, %d starts)", v[int((NR + 1) / 2)], v[1], v[NR], NR }'; }
echo "Cold start to first answered activity, $(date -u +%F), $(nproc) cores, storage ${MEETINGBOT_STORAGE:-Sqlite}"
for build in release r2r; do
  if [ "$build" = r2r ]; then export MEETINGBOT_HOST_DLL="$work/r2r/MeetingBot.Web.dll"; else unset MEETINGBOT_HOST_DLL; fi
  dotnet run -c Release --no-build --project benchmarks/MeetingBot.Load -- coldstart "$starts" | awk '$1 == "coldstart_ms" { print $2 }' > "$work/$build.txt"
  echo "- $build: $(tr '\n' ' ' < "$work/$build.txt")→ $(summary < "$work/$build.txt")"
done
