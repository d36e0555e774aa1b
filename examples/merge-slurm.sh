#!/bin/bash
# Joins the parts written by examples/sweep-slurm.sh into the results one `gossipsim sweep`
# would have written, and its report. Chain it after the array, so that it runs only once
# every task has succeeded (afterok):
#
#   jobid=$(sbatch --parsable examples/sweep-slurm.sh)
#   sbatch --dependency=afterok:$jobid examples/merge-slurm.sh
#
# Uses the same GOSSIPSIM_RESULTS and GOSSIPSIM variables as examples/sweep-slurm.sh. merge
# refuses an incomplete set of parts, or parts of different sweeps, with a message saying which.
#SBATCH --job-name=gossipsim-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --time=00:30:00
#SBATCH --output=slurm-%x-%j.out
set -euo pipefail

RESULTS=${GOSSIPSIM_RESULTS:-results}
read -r -a RUN <<<"${GOSSIPSIM:-npx gossipsim}"
"${RUN[@]}" merge "$RESULTS"/part-*.json --json "$RESULTS/results.json" --out "$RESULTS/report.html"
