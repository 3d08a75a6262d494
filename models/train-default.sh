#!/usr/bin/env sh
# Trains the shipped default model, models/trollscan-default.zip, from the project corpus
# (train and dev splits; never test) and OLID's training split in ../shared. Run from the
# repository root after `mvn -q -B package -DskipTests`; then rebuild so the jar ships it, and
# record the features it was trained with (ShippedModelFeaturesTest guards them against drift):
#   mvn -q -B test -Dtest=ShippedModelFeaturesTest -Dtrollscan.updateGolden=true
set -eu
shared=${TROLLSCAN_SHARED:-../shared}
exec bin/trollscan train \
  --data samples/corpus/train.csv samples/corpus/dev.csv "$shared/corpora/olid/train.csv" \
  --weight samples/corpus/train.csv=3 --weight samples/corpus/dev.csv=3 \
  --tune-on samples/corpus/train.csv samples/corpus/dev.csv \
  --cv 5 --model-version "${TROLLSCAN_MODEL_VERSION:-2026.11.29-40}" \
  -o models/trollscan-default.zip "$@"
