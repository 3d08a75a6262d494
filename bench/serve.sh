#!/usr/bin/env bash
# Benchmark of `trollscan serve` (issue 28) on loopback with wrk (Debian package `wrk`):
# single-comment Perspective requests per second and p50/p99 latency at 1, 16 and 64
# connections, batch posts per second (POST /v1/score, 100 posts a request) against `score`'s
# steady state, the first answer's delay after start, and resident memory through a soak.
# RUNS interleaved rounds; medians and ranges are printed. Not a test: numbers depend on the
# machine and on what else runs on it.
# Usage, from the repository root:  bench/serve.sh [RUNS] [SECONDS] [SOAK_SECONDS]
#   (defaults 3 rounds, 15 s per load run, 300 s soak)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
SECS=${2:-15}
SOAK=${3:-300}
PORT=${PORT:-18181}
W=target/bench-serve
mkdir -p "$W"
command -v wrk >/dev/null || { echo "bench/serve.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }
[ -f target/trollscan-cli.jar ] || mvn -q -B package -DskipTests

# Request bodies from the project's labelled corpus: every post once, one JSON body per line.
python3 - "$W" <<'PY'
import csv, json, sys
w = sys.argv[1]
posts = []
for f in ("samples/corpus/test.csv", "samples/corpus/dev.csv", "samples/corpus/train.csv"):
    posts += [r["text"] for r in csv.DictReader(open(f, encoding="utf-8")) if r["text"].strip()]
with open(w + "/analyze.txt", "w") as out:
    for p in posts:
        out.write(json.dumps({"comment": {"text": p}, "languages": ["en"],
                              "requestedAttributes": {"TOXICITY": {}, "FALSE_REPORT": {}}}) + "\n")
with open(w + "/batch.txt", "w") as out:
    for i in range(0, len(posts) - 100, 100):
        out.write(json.dumps([{"id": str(i + k), "text": p} for k, p in enumerate(posts[i:i + 100])]) + "\n")
with open(w + "/posts.txt", "w") as out:
    for p in posts:
        out.write(p.replace("\n", " ").replace("\r", " ") + "\n")
print(len(posts), "posts", file=sys.stderr)
PY
# score's steady state: the difference between a big and a small run cancels start-up and JIT.
rm -f "$W/small.txt" "$W/big.txt"
for _ in $(seq 1 40); do cat "$W/posts.txt" >> "$W/small.txt"; done
for _ in $(seq 1 160); do cat "$W/posts.txt" >> "$W/big.txt"; done

start_server() {
  local t0; t0=$(date +%s.%N)
  bin/trollscan serve --port "$PORT" 2> "$W/serve.err" &
  PID=$!
  # The first answer: a Perspective request without `languages`, so the language check runs too.
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/v1alpha1/comments:analyze" \
      -d '{"comment":{"text":"someone ring social services on her"},"requestedAttributes":{"TOXICITY":{}}}'; do
    sleep 0.02
  done
  FIRST=$(echo "$(date +%s.%N) - $t0" | bc)
}
stop_server() { kill -TERM "$PID"; wait "$PID" || true; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status"; }
load() { # connections target bodies -> "rps p50 p99 errors"
  local c=$1 threads=$(( $1 < 2 ? 1 : 2 ))
  TARGET=$2 BODIES="$W/$3" wrk -t"$threads" -c"$c" -d"${SECS}s" --timeout 5s \
    -s bench/serve-wrk.lua "http://127.0.0.1:$PORT" | awk '/^RESULT/ {
      split($2,a,"="); split($3,b,"="); split($4,c,"="); split($5,d,"="); split($6,e,"=");
      print a[2], b[2], c[2], d[2] + e[2] }'
}

: > "$W/rounds.txt"
for r in $(seq 1 "$RUNS"); do
  start_server
  echo "first $FIRST" >> "$W/rounds.txt"
  load 16 /v1alpha1/comments:analyze analyze.txt > /dev/null   # warm-up, not counted
  for c in 1 16 64; do
    echo "c$c $(load "$c" /v1alpha1/comments:analyze analyze.txt)" >> "$W/rounds.txt"
  done
  echo "batch $(load 4 /v1/score batch.txt)" >> "$W/rounds.txt"
  echo "rss $(rss_mib)" >> "$W/rounds.txt"
  stop_server
  s0=$(date +%s.%N); bin/trollscan score --quiet --format text "$W/small.txt" > /dev/null
  s1=$(date +%s.%N); bin/trollscan score --quiet --format text "$W/big.txt" > /dev/null
  s2=$(date +%s.%N)
  n_small=$(wc -l < "$W/small.txt"); n_big=$(wc -l < "$W/big.txt")
  echo "score $(echo "($n_big - $n_small) / (($s2 - $s1) - ($s1 - $s0))" | bc -l)" >> "$W/rounds.txt"
done

# Soak: 16 connections for SOAK seconds, resident memory sampled every 10 s.
if [ "$SOAK" -gt 0 ]; then
  start_server
  SECS=$SOAK load 16 /v1alpha1/comments:analyze analyze.txt > "$W/soak.txt" &
  LOADPID=$!
  : > "$W/soak-rss.txt"
  while kill -0 "$LOADPID" 2>/dev/null; do rss_mib >> "$W/soak-rss.txt"; echo >> "$W/soak-rss.txt"; sleep 10; done
  stop_server
fi

python3 - "$W" "$SOAK" <<'PY'
import statistics as st, sys
w, soak = sys.argv[1], int(sys.argv[2])
rows = {}
for line in open(w + "/rounds.txt"):
    k, *v = line.split()
    rows.setdefault(k, []).append([float(x) for x in v])
def col(k, i): return [r[i] for r in rows[k]]
def fmt(xs, d=0): return "%s (%s-%s)" % tuple(("{:,.%df}" % d).format(x) for x in (st.median(xs), min(xs), max(xs)))
print("| run | requests/s | p50 ms | p99 ms | errors |")
print("|---|---|---|---|---|")
for c in ("c1", "c16", "c64"):
    print("| analyze, %s connections | %s | %s | %s | %d |" % (c[1:], fmt(col(c, 0)), fmt(col(c, 1), 2), fmt(col(c, 2), 2), sum(col(c, 3))))
bp = [x * 100 for x in col("batch", 0)]
print("| /v1/score, 100-post batches, 4 connections | %s posts/s | %s | %s | %d |" % (fmt(bp), fmt(col("batch", 1), 1), fmt(col("batch", 2), 1), sum(col("batch", 3))))
sc = col("score", 0)
print()
print("score steady state: %s posts/s; batch / score = %.2f" % (fmt(sc), st.median(bp) / st.median(sc)))
print("first answer after start: %s s" % fmt(col("first", 0), 2))
print("RSS after each round: %s MiB" % fmt(col("rss", 0)))
if soak:
    rss = [float(x) for x in open(w + "/soak-rss.txt").read().split()]
    print("soak %d s at 16 connections: %s; RSS MiB first %.0f, max %.0f, last %.0f" % (soak, open(w + "/soak.txt").read().strip(), rss[0], max(rss), rss[-1]))
PY
