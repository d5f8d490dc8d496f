#!/usr/bin/env bash
# Cold start to the first answered activity: the host's Release build (what `dotnet build -c Release` gives) and the
# deployment image (what `dotnet publish src/MeetingBot.Web` gives: self-contained, one composite ReadyToRun image with
# the framework), each started several times in a fresh directory (a new SQLite file unless MEETINGBOT_STORAGE says
# otherwise), the two taking turns. docs/benchmarks.md §5 records its runs.
#   bash benchmarks/cold-start.sh [starts per build, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
starts=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release src/MeetingBot.Web -v q -nologo >/dev/null
dotnet build -c Release benchmarks/MeetingBot.Load -v q -nologo >/dev/null
# A clean publish: stale precompiled images from an earlier publish would not match the new code.
rm -rf src/MeetingBot.Web/obj/Release/net10.0/linux-x64
dotnet publish src/MeetingBot.Web -o "$work/image" -v q -nologo >/dev/null

summary() { sort -n | awk '{ v[NR] = $1 } END { printf "median %d ms (min %d, max %d, %d starts)", v[int((NR + 1) / 2)], v[1], v[NR], NR }'; }
echo "Cold start to first answered activity, $(date -u +%F), $(nproc) cores, storage ${MEETINGBOT_STORAGE:-Sqlite}"
release="$PWD/src/MeetingBot.Web/bin/Release/net10.0/MeetingBot.Web.dll"
dotnet run -c Release --no-build --project benchmarks/MeetingBot.Load -- coldstart "$starts" "$release" "$work/image/MeetingBot.Web" > "$work/all.txt"
awk -v h="$release" '$1 == "coldstart_ms" && $2 == h { print $3 }' "$work/all.txt" > "$work/release.txt"
awk -v h="$work/image/MeetingBot.Web" '$1 == "coldstart_ms" && $2 == h { print $3 }' "$work/all.txt" > "$work/image.txt"
for build in release image; do
  echo "- $build: $(tr '\n' ' ' < "$work/$build.txt")→ $(summary < "$work/$build.txt")"
done
