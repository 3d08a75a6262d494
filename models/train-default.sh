#!/usr/bin/env sh
# Trains the shipped default model, models/trollscan-default.zip, from the project corpus
# (train and dev splits; never test), the thread-context training file and OLID's training
# split in ../shared, with a context stage (score --thread-column; docs/context.md) whose
# harassment in context is a model of its own. Run from the repository root after
# `mvn -q -B package -DskipTests` (about 10 minutes on two cores); then
# rebuild so the jar ships it, and record the features it was trained with
# (ShippedModelFeaturesTest guards them against drift) and the golden outputs:
#   mvn -q -B test -Dtest='ShippedModelFeaturesTest,*GoldenOutputTest' -Dtrollscan.updateGolden=true
set -eu
shared=${TROLLSCAN_SHARED:-../shared}
exec bin/trollscan train \
  --data samples/corpus/train.csv samples/corpus/dev.csv samples/corpus/train-context.csv \
         "$shared/corpora/olid/train.csv" \
  --weight samples/corpus/train.csv=3 --weight samples/corpus/dev.csv=3 \
  --weight samples/corpus/train-context.csv=3 \
  --tune-on samples/corpus/train.csv samples/corpus/dev.csv samples/corpus/train-context.csv \
  --thread-column thread_id --context-harassment model \
  --cv 5 --model-version "${TROLLSCAN_MODEL_VERSION:-2026.12.07-41}" \
  -o models/trollscan-default.zip "$@"
