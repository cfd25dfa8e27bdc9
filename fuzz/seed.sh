#!/bin/sh
# Seeds the fuzzers' corpora from the shipped files. Run from the project
# root: sh fuzz/seed.sh (README.md, "Fuzzing").
set -eu
mkdir -p fuzz/corpus/scenario fuzz/corpus/rules fuzz/corpus/save
cp scenarios/*.ron assets/new_scenario.ron fuzz/corpus/scenario/
cp fuzz/seeds/rules/*.ron fuzz/corpus/rules/
cp fuzz/seeds/save/*.ron fuzz/corpus/save/
