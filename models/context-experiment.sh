#!/usr/bin/env sh
# Issue 31 prototype, step 1 of 2: post-alone models and their out-of-fold scores, for the
# context measurements in docs/context.md. Two training sets: D = train.csv + dev.csv (the
# corpus rows the shipped model trains on; OLID is left out to keep the runs short) and
# DC = D + train-context.csv. Five folds by thread (MD5 of thread_id mod 5); per fold a model
# on the other four scores the fold; then one model on all rows scores test.csv and
# samples/context-pairs.csv. Step 2 reads the scores:
#   mvn -q -B test-compile && java -cp target/test-classes:target/trollscan-cli.jar \
#       org.trollscan.context.ContextExperiment target/context
# Run from the repository root after `mvn -q -B package -DskipTests`. Never trains on test.csv.
# CONDS="DC" runs one training set only; OLID=../shared/corpora/olid/train.csv adds OLID to every
# post-alone training with the corpus rows weighted x3 and thresholds tuned on them, as the
# shipped recipe does (about 2 min a training instead of 30 s).
set -eu
W=${1:-target/context}
CONDS=${CONDS:-D DC}
OLID=${OLID:-}
train_alone() {
  if [ -n "$OLID" ]; then
    bin/trollscan train --data "$1" "$OLID" --weight "$1=3" --tune-on "$1" \
      --cv 2 --cv-repeats 1 --quiet -o "$2" > /dev/null
  else
    bin/trollscan train --data "$1" --cv 2 --cv-repeats 1 --quiet -o "$2" > /dev/null
  fi
}
mkdir -p "$W"
python3 - "$W" <<'PY'
import csv, hashlib, sys
w = sys.argv[1]
cols = ['id', 'text', 'harassment', 'false_report', 'thread_id', 'set', 'fold']
rows = []
for name, path in (('train', 'samples/corpus/train.csv'), ('dev', 'samples/corpus/dev.csv'),
                   ('ctx', 'samples/corpus/train-context.csv')):
    for r in csv.DictReader(open(path, encoding='utf-8')):
        r['set'] = name
        r['fold'] = int(hashlib.md5(r['thread_id'].encode()).hexdigest(), 16) % 5
        rows.append({c: r[c] for c in cols})
def write(path, rs):
    with open(path, 'w', newline='', encoding='utf-8') as f:
        out = csv.DictWriter(f, cols, lineterminator='\n')
        out.writeheader()
        out.writerows(rs)
for cond, sets in (('D', {'train', 'dev'}), ('DC', {'train', 'dev', 'ctx'})):
    write(f'{w}/all-{cond}.csv', [r for r in rows if r['set'] in sets])
    for k in range(5):
        write(f'{w}/fit-{cond}-{k}.csv', [r for r in rows if r['set'] in sets and r['fold'] != k])
for k in range(5):
    write(f'{w}/held-{k}.csv', [r for r in rows if r['fold'] == k])
PY
keep=thread_id,set,fold,text,harassment,false_report
for cond in $CONDS; do
  for k in 0 1 2 3 4; do
    train_alone "$W/fit-$cond-$k.csv" "$W/model-$cond-$k.zip"
    bin/trollscan score -q -m "$W/model-$cond-$k.zip" --no-evidence --keep "$keep" \
      -o "$W/oof-$cond-$k.csv" "$W/held-$k.csv"
  done
  train_alone "$W/all-$cond.csv" "$W/model-$cond.zip"
  bin/trollscan score -q -m "$W/model-$cond.zip" --no-evidence \
    --keep thread_id,text,harassment,false_report -o "$W/test-$cond.csv" samples/corpus/test.csv
  bin/trollscan score -q -m "$W/model-$cond.zip" --no-evidence \
    --keep thread_id,pair_id,role,position,text,harassment,false_report \
    -o "$W/pairs-$cond.csv" samples/context-pairs.csv
done
echo "wrote $W"
