#!/usr/bin/env bash
# Trains alignkg's tagger, morphologizer and dependency parser on Universal Dependencies
# English EWT with spaCy's own training, packages it into data/parser/model and scores it on
# the EWT test split (the figures of data/parser/MODEL_CARD.md).
#
#   data/parser/train.sh [UD_EWT_FOLDER] [WORK_FOLDER]
#
# UD_EWT_FOLDER holds en_ewt-ud-{train,dev,test}.conllu (default ../shared/ud/en_ewt, outside
# the repository: the treebank is CC BY-SA 4.0 and is read at training time, never copied).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ud="${1:-$here/../../../shared/ud/en_ewt}"
work="${2:-$here/../../build/parser}"
mkdir -p "$work"
for split in train dev test; do
    python -m spacy convert "$ud/en_ewt-ud-$split.conllu" "$work" --converter conllu --n-sents 10
done
python -m spacy train "$here/config.cfg" --output "$work/out" \
    --paths.train "$work/en_ewt-ud-train.spacy" --paths.dev "$work/en_ewt-ud-dev.spacy"
rm -rf "$here/model"
python -m alignkg.graph.extract.parser_model package "$work/out/model-best" "$here/model"
python -m alignkg.graph.extract.parser_model score "$here/model" "$ud/en_ewt-ud-test.conllu"
