#!/usr/bin/env bash
# Server choice for `trollscan serve` (issue 28, item 6): the JDK's jdk.httpserver (what ships)
# against Jetty 12 (bench/JettyCandidate.java, the same PerspectiveApi code behind it), both
# with a 256 MiB heap and the parallel collector, on loopback with wrk, 16 connections, in
# RUNS interleaved rounds after a warm-up. Prints requests/s and p50/p99 per round.
# Usage, from the repository root:  bench/serve-candidates.sh [RUNS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
SECS=${2:-15}
W=target/bench-serve
J=12.1.14
mkdir -p "$W/jetty-classes"
[ -f target/trollscan-cli.jar ] || mvn -q -B package -DskipTests
[ -f "$W/analyze.txt" ] || bench/serve.sh 1 1 0 > /dev/null
JARS=""
for a in jetty-server jetty-http jetty-io jetty-util; do
  jar="$HOME/.m2/repository/org/eclipse/jetty/$a/$J/$a-$J.jar"
  # The four jars alone: their optional dependencies are not needed here.
  [ -f "$jar" ] || mvn -q -B dependency:get -Dtransitive=false -Dartifact="org.eclipse.jetty:$a:$J" > /dev/null
  JARS="$JARS:$jar"
done
CP="target/trollscan-cli.jar$JARS"
javac -nowarn -d "$W/jetty-classes" -cp "$CP" bench/JettyCandidate.java
JVM="-Xms256m -Xmx256m -XX:+UseParallelGC"
run() { # name port command...
  local name=$1 port=$2; shift 2
  "$@" 2> "$W/$name.err" &
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/v1alpha1/comments:analyze" \
      -d '{"comment":{"text":"hello there"},"requestedAttributes":{"TOXICITY":{}},"languages":["en"]}'; do
    sleep 0.05
  done
  BODIES="$W/analyze.txt" wrk -t2 -c16 -d"${SECS}s" -s bench/serve-wrk.lua "http://127.0.0.1:$port" > /dev/null
  echo "$name $(BODIES="$W/analyze.txt" wrk -t2 -c16 -d"${SECS}s" -s bench/serve-wrk.lua \
    "http://127.0.0.1:$port" | grep RESULT)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
for _ in $(seq 1 "$RUNS"); do
  # shellcheck disable=SC2086
  run jdk 18191 java $JVM -jar target/trollscan-cli.jar serve --port 18191 --threads 4
  # shellcheck disable=SC2086
  run jetty 18192 java $JVM -cp "$W/jetty-classes:$CP" org.trollscan.serve.JettyCandidate 18192 4
done
