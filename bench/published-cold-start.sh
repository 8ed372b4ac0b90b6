#!/bin/bash
# Cold start of a published app: process start -> first 200 on /health/ready, on a demo database made once beforehand.
# Usage: bench/published-cold-start.sh ROUNDS DIR_A DIR_B ...   (interleaved A B A B; prints ms and RSS MiB after 3 s idle)
# Issue 17, ReadyToRun: publish twice, e.g. `dotnet publish src/Speciosa.Web -c Release -o /tmp/jit` and
# `dotnet publish src/Speciosa.Web -c Release -r linux-x64 --self-contained false -o /tmp/r2r`, then compare the two (docs/performance.md).
rounds=$1; shift
seed=/tmp/cs-seed
if [ ! -f $seed/data/speciosa-demo.db ]; then
  rm -rf $seed; mkdir -p $seed; cd $seed
  dotnet "$1/Speciosa.Web.dll" --demo --urls http://127.0.0.1:5391 > $seed/seed.log 2>&1 & pid=$!
  for i in $(seq 1 600); do curl -sf http://127.0.0.1:5391/health/ready >/dev/null && break; sleep 0.2; done
  kill $pid; wait $pid 2>/dev/null
fi
for r in $(seq 1 $rounds); do
  for dir in "$@"; do
    work=$(mktemp -d); cp -r $seed/data $work/; cd $work
    start=$(date +%s%N)
    dotnet "$dir/Speciosa.Web.dll" --demo --urls http://127.0.0.1:5391 > $work/log 2>&1 & pid=$!
    until curl -sf -o /dev/null http://127.0.0.1:5391/health/ready; do sleep 0.01; done
    end=$(date +%s%N)
    sleep 3
    rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
    echo "$r $(basename $dir) $(( (end-start)/1000000 )) ms $(( rss/1024 )) MiB"
    kill $pid; wait $pid 2>/dev/null; cd /; rm -rf $work
  done
done
