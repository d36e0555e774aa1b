#!/bin/bash
# A gossipsim sweep as a SLURM job array: array task K runs the K-th of N slices of the
# (point, replicate) list (`sweep --shard K/N`, N = the array's size) and writes
# $GOSSIPSIM_RESULTS/part-K.json; examples/merge-slurm.sh, chained with --dependency=afterok,
# joins the parts once every task has succeeded. From a clone where `npm ci` has been run:
#
#   jobid=$(sbatch --parsable examples/sweep-slurm.sh)
#   sbatch --dependency=afterok:$jobid examples/merge-slurm.sh
#   squeue --me                       # watch; results/results.json and results/report.html at the end
#
# Each task's log (one line per finished run) is slurm-gossipsim-sweep-<job>_<K>.out in the
# folder you submitted from: SLURM opens it before this script runs, so it must be a folder
# that already exists. A task that is pre-empted, killed or requeued (`scontrol requeue`;
# --requeue below) resumes from its journal: only the runs it had not finished run again.
#
# The sweep comes from these environment variables (sbatch passes your environment on):
#   GOSSIPSIM_SCENARIO  the scenario file         (default scenarios/capacity-growth.yaml)
#   GOSSIPSIM_SWEEP     the sweep's options       (default: the --vary lists and --replicates below)
#   GOSSIPSIM_RESULTS   folder of parts, results  (default results; created if missing)
#   GOSSIPSIM           how to run gossipsim      (default npx gossipsim)
#   GOSSIPSIM_SLICES    N, the number of slices   (default: the array's size, which must then be 1-N)
# and the number of slices from the array: `sbatch --array=1-4 examples/sweep-slurm.sh` runs 4.
# To rerun only some slices of an 8-slice sweep (say a failed task 3):
#   GOSSIPSIM_SLICES=8 sbatch --parsable --array=3 examples/sweep-slurm.sh
# For example, a small sweep in 3 slices:
#   GOSSIPSIM_SWEEP='--vary peers.count=10,100 --replicates 3' sbatch --parsable --array=1-3 examples/sweep-slurm.sh
#SBATCH --job-name=gossipsim-sweep
#SBATCH --array=1-16
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --time=04:00:00
#SBATCH --requeue
#SBATCH --open-mode=append
#SBATCH --output=slurm-%x-%A_%a.out
set -euo pipefail

: "${SLURM_ARRAY_TASK_ID:?submit this script with sbatch: it is one task of a job array}"
if [ -n "${GOSSIPSIM_SLICES:-}" ]; then
  N=$GOSSIPSIM_SLICES
elif [ "${SLURM_ARRAY_TASK_MIN}" = 1 ] && [ "${SLURM_ARRAY_TASK_MAX}" = "${SLURM_ARRAY_TASK_COUNT}" ]; then
  N=$SLURM_ARRAY_TASK_COUNT
else
  echo "sweep-slurm.sh: the array is ${SLURM_ARRAY_TASK_MIN}-${SLURM_ARRAY_TASK_MAX} (${SLURM_ARRAY_TASK_COUNT} tasks): use --array=1-N, or set GOSSIPSIM_SLICES=N to run only some of N slices" >&2
  exit 2
fi
SCENARIO=${GOSSIPSIM_SCENARIO:-scenarios/capacity-growth.yaml}
SWEEP=${GOSSIPSIM_SWEEP:---vary peers.count=10,100,1000,10000 --vary capacity.mode=p2p,client-server --replicates 10}
RESULTS=${GOSSIPSIM_RESULTS:-results}
read -r -a RUN <<<"${GOSSIPSIM:-npx gossipsim}"
mkdir -p "$RESULTS"
# gossipsim refuses, before running anything, runs that would not fit: in the job's --mem
# (SLURM_MEM_PER_NODE, in MB), not in the whole node's memory.
if [ -z "${GOSSIPSIM_MEMORY_LIMIT:-}" ] && [ -n "${SLURM_MEM_PER_NODE:-}" ]; then
  export GOSSIPSIM_MEMORY_LIMIT="${SLURM_MEM_PER_NODE}MiB"
fi

# --resume: a requeued task continues from part-K.json.journal instead of starting over.
# shellcheck disable=SC2086 # $SWEEP is a list of options
"${RUN[@]}" sweep "$SCENARIO" $SWEEP \
  --workers "${SLURM_CPUS_PER_TASK:-1}" \
  --shard "${SLURM_ARRAY_TASK_ID}/${N}" \
  --json "$RESULTS/part-${SLURM_ARRAY_TASK_ID}.json" --resume
