#!/usr/bin/env bash
# Speed benchmark (issue 5): trollscan vs plain OpenNLP Doccat vs fastText, whole process,
# medians of RUNS interleaved rounds, on 200,000 and 2,000,000 posts sampled with a fixed seed
# from ../shared/corpora/*/train.csv and samples/corpus. Prints a table with ratios.
# Usage, from the repository root:  bench/run.sh [RUNS]     (default 3; needs ../shared)
# fastText rows appear when Debian's fasttext package is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
W=target/bench
mkdir -p "$W"
mvn -q -B package -DskipTests
mvn -q -B test-compile
CP="target/test-classes:target/trollscan-cli.jar"
TIME=/usr/bin/time

[ -f "$W/posts200k.csv" ] || java -cp "$CP" org.trollscan.bench.BenchmarkData 200000 "$W/posts200k.csv" "$W/posts200k.txt"
[ -f "$W/posts2m.csv" ] || java -cp "$CP" org.trollscan.bench.BenchmarkData 2000000 "$W/posts2m.csv" "$W/posts2m.txt"
[ -f "$W/doccat.bin" ] || java -cp "$CP" org.trollscan.bench.DoccatBaseline train ../shared/corpora/olid/train.csv "$W/doccat.bin"
if command -v fasttext >/dev/null && [ ! -f "$W/ft.bin" ]; then
  python3 - "$W/ft-train.txt" <<'PY'
import csv, sys
with open(sys.argv[1], "w") as out:
    for r in csv.DictReader(open("../shared/corpora/olid/train.csv")):
        out.write("__label__%s %s\n" % (r["harassment"], r["text"].replace("\n", " ").lower()))
PY
  fasttext supervised -input "$W/ft-train.txt" -output "$W/ft" -wordNgrams 2 -verbose 0
fi

# One run of a command: "wall-seconds peak-KiB".
once() {
  $TIME -f "%e %M" bash -c "$1" 2>&1 >/dev/null | tail -1
}
median() { sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"; }

printf '%-44s %10s %12s %10s %14s\n' "run" "wall (s)" "posts/s" "peak MiB" "trollscan ÷ it"
# Runs trollscan and its peers in RUNS interleaved rounds (the machine's speed drifts by 10-30%
# within an hour, so back-to-back runs of one program would compare different hours), then
# prints each one's median wall time, posts/s and highest peak RSS; a peer's ratio is the median
# of trollscan's time over the peer's within each round.
# usage: compare POSTS "name|command" ...   (trollscan first)
compare() {
  local posts=$1 r i
  shift
  local names=() commands=()
  for spec in "$@"; do
    names+=("${spec%%|*}")
    commands+=("${spec#*|}")
  done
  local walls=() rss=()
  for i in "${!commands[@]}"; do walls[i]=""; rss[i]=0; done
  for r in $(seq "$RUNS"); do
    for i in "${!commands[@]}"; do
      local line
      line=$(once "${commands[i]}")
      walls[i]="${walls[i]} ${line% *}"
      [ "${line#* }" -gt "${rss[i]}" ] && rss[i]=${line#* }
    done
  done
  local own
  own=(${walls[0]})
  for i in "${!commands[@]}"; do
    local w=(${walls[i]}) m ratio="-"
    m=$(printf '%s\n' "${w[@]}" | median)
    if [ "$i" -gt 0 ]; then
      ratio=$(for r in "${!w[@]}"; do awk -v a="${own[r]}" -v b="${w[r]}" 'BEGIN{printf "%.4f\n", a/b}'; done \
        | median | awk '{printf "%.2f", $1}')
    fi
    local rate="-"
    [ "$posts" -gt 1 ] && rate=$(awk -v n="$posts" -v s="$m" 'BEGIN{printf "%.0f", n/s}')
    printf '%-44s %10s %12s %10s %14s\n' "${names[i]}" "$m" "$rate" "$((rss[i] / 1024))" "$ratio"
  done
}
for size in 200k 2m; do
  posts=$([ "$size" = 200k ] && echo 200000 || echo 2000000)
  peers=("plain Doccat ($size, 1 label)|java -cp $CP org.trollscan.bench.DoccatBaseline score $W/doccat.bin $W/posts$size.csv")
  [ -f "$W/ft.bin" ] && peers+=("fastText predict-prob ($size)|fasttext predict-prob $W/ft.bin $W/posts$size.txt")
  compare "$posts" "trollscan score ($size, 2 labels, evidence)|bin/trollscan score -q $W/posts$size.csv" "${peers[@]}"
done
printf 'id,text\n1,someone ring social services on her\n' > "$W/one.csv"
compare 1 "trollscan, one post from stdin|printf 'text\\nsomeone ring social services on her\\n' | bin/trollscan score -" \
  "plain Doccat, one post|java -cp $CP org.trollscan.bench.DoccatBaseline score $W/doccat.bin $W/one.csv"
