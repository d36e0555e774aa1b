#!/bin/bash
# A gossipsim sweep as a SLURM job array: task K runs the K-th of N slices.
#   sbatch examples/sweep-slurm.sh
#   # when the array is done (or chain it: sbatch --dependency=afterok:<jobid> ...):
#   npx gossipsim merge results/part-*.json --json results/results.json --out results/report.html
#SBATCH --job-name=gossipsim-sweep
#SBATCH --array=1-16
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --time=04:00:00
#SBATCH --output=results/slurm-%A_%a.out
set -euo pipefail
N=16   # must match --array=1-N
mkdir -p results
npx gossipsim sweep scenarios/capacity-growth.yaml \
  --vary peers.count=10,100,1000,10000 \
  --vary capacity.mode=p2p,client-server \
  --replicates 10 --workers "${SLURM_CPUS_PER_TASK:-1}" --quiet \
  --shard "${SLURM_ARRAY_TASK_ID}/${N}" \
  --json "results/part-${SLURM_ARRAY_TASK_ID}.json"
