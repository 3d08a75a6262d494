#!/usr/bin/env bash
# Speed benchmark (issue 5): trollscan vs plain OpenNLP Doccat vs fastText, whole process,
# median of RUNS runs, on 200,000 and 2,000,000 posts sampled with a fixed seed from
# ../shared/corpora/*/train.csv and samples/corpus. Prints a table with ratios.
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

# median wall seconds and max peak RSS (MiB) of RUNS runs of a command
measure() {
  local walls=() rss=0 line
  for _ in $(seq "$RUNS"); do
    line=$($TIME -f "%e %M" bash -c "$1" 2>&1 >/dev/null | tail -1)
    walls+=("${line% *}")
    local kb=${line#* }
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  echo "$median $((rss / 1024))"
}

printf '%-44s %10s %12s %10s %14s\n' "run" "wall (s)" "posts/s" "peak MiB" "trollscan ÷ it"
row() { # name posts "median rss" reference-median
  local m=${3% *} r=${3#* }
  local ratio="-"
  [ -n "${4:-}" ] && ratio=$(awk -v a="$4" -v b="$m" 'BEGIN{printf "%.2f", a/b}')
  printf '%-44s %10s %12s %10s %14s\n' "$1" "$m" "$(awk -v n="$2" -v s="$m" 'BEGIN{printf "%.0f", n/s}')" "$r" "$ratio"
}
for size in 200k 2m; do
  posts=$([ "$size" = 200k ] && echo 200000 || echo 2000000)
  t=$(measure "bin/trollscan score -q $W/posts$size.csv")
  row "trollscan score ($size, 2 labels, evidence)" "$posts" "$t"
  d=$(measure "java -cp $CP org.trollscan.bench.DoccatBaseline score $W/doccat.bin $W/posts$size.csv")
  row "plain Doccat ($size, 1 label)" "$posts" "$d" "${t% *}"
  if [ -f "$W/ft.bin" ]; then
    f=$(measure "fasttext predict-prob $W/ft.bin $W/posts$size.txt")
    row "fastText predict-prob ($size)" "$posts" "$f" "${t% *}"
  fi
done
one=$(measure "printf 'text\\nsomeone ring social services on her\\n' | bin/trollscan score -")
row "trollscan, one post from stdin" 1 "$one"
oned=$(measure "printf 'id,text\n1,someone ring social services on her\n' > $W/one.csv && java -cp $CP org.trollscan.bench.DoccatBaseline score $W/doccat.bin $W/one.csv")
row "plain Doccat, one post" 1 "$oned" "${one% *}"
