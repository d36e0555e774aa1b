#!/usr/bin/env bash
# A one-node SLURM cluster on this machine (munged, slurmctld and slurmd on localhost), to try
# examples/sweep-slurm.sh before a real cluster, and to test it in CI. Needs root and Debian's
# slurm-wlm and munge (apt-get install slurm-wlm munge); runs without systemd.
#
#   scripts/slurm-local.sh start      # then: export SLURM_CONF=<dir>/slurm.conf (printed)
#   scripts/slurm-local.sh status
#   scripts/slurm-local.sh stop       # stops what `start` started, nothing else
#   scripts/slurm-local.sh run CMD... # start, run CMD with SLURM_CONF set, stop (even on failure)
#
# Everything (slurm.conf, state, spool, logs) lives in $GOSSIPSIM_SLURM_DIR (default
# /tmp/gossipsim-slurm); nothing under /etc is changed. A munged that is already running is used
# and left running. The node is this machine with the CPUs and memory `slurmd -C` reports.
set -euo pipefail

DIR=${GOSSIPSIM_SLURM_DIR:-/tmp/gossipsim-slurm}
CONF="$DIR/slurm.conf"
export SLURM_CONF="$CONF"

say() { echo "slurm-local: $*" >&2; }
die() { say "$*"; exit 1; }

munge_works() { munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; }

# Kills the daemon whose pid is in file $1 (if it is still alive), waiting for it to go.
stop_pidfile() {
  local file=$1 pid
  [ -s "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

write_conf() {
  local node cpus mem
  # `slurmd -C` prints this machine as a node line: NodeName=vm CPUs=2 ... RealMemory=24105
  node=$(slurmd -C | head -n 1)
  cpus=$(sed -n 's/.* CPUs=\([0-9]*\).*/\1/p' <<<"$node")
  mem=$(sed -n 's/.* RealMemory=\([0-9]*\).*/\1/p' <<<"$node")
  [ -n "$cpus" ] && [ -n "$mem" ] || die "cannot read CPUs and RealMemory from 'slurmd -C': $node"
  HOST=$(hostname -s)
  cat >"$CONF" <<EOF
# Written by scripts/slurm-local.sh: one node, this machine.
ClusterName=gossipsim-local
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/slurmctld.log
SlurmdLogFile=$DIR/slurmd.log
# No cgroups in a container: track processes through /proc, bind no tasks.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/backfill
# Cores and memory are the consumable resources, so that tasks run side by side and
# a job's --mem is checked against RealMemory.
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MpiDefault=none
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF
}

wait_idle() {
  local state=''
  for _ in $(seq 120); do
    state=$(sinfo -h -o '%T' 2>/dev/null | head -n 1 || true)
    case "$state" in
      idle|mixed|allocated) return 0 ;;
      down*|drain*|drained*) scontrol update NodeName="$(hostname -s)" State=RESUME >/dev/null 2>&1 || true ;;
    esac
    sleep 0.5
  done
  die "the node did not become idle within 60 s (last state: '${state:-none}'); see $DIR/slurmctld.log and $DIR/slurmd.log"
}

start() {
  for cmd in munge munged slurmctld slurmd sinfo sbatch; do
    command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' not found: install Debian's slurm-wlm and munge (apt-get install slurm-wlm munge)"
  done
  [ "$(id -u)" = 0 ] || die "must run as root (it starts munged, slurmctld and slurmd as root)"
  if [ -s "$DIR/slurmctld.pid" ] && kill -0 "$(cat "$DIR/slurmctld.pid")" 2>/dev/null; then
    say "already running ($DIR)"
    echo "export SLURM_CONF=$CONF"
    return 0
  fi
  # Another controller or node daemon (another folder's, or a system one) holds the ports.
  for port in 6817 6818; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      die "port $port is in use: a SLURM daemon is already running on this machine; use it (set SLURM_CONF to its slurm.conf) or stop it first"
    fi
  done
  rm -rf "$DIR"
  mkdir -p "$DIR/state" "$DIR/spool"
  if munge_works; then
    say "using the munged already running"
  else
    [ -s /etc/munge/munge.key ] || { say "creating /etc/munge/munge.key"; mungekey --create --force; chown munge:munge /etc/munge/munge.key 2>/dev/null || true; }
    mkdir -p /run/munge /var/lib/munge
    # As root munged needs --force; its log and pid stay with the cluster's files, and its
    # socket where munge clients look for it (/run/munge).
    munged --force --log-file="$DIR/munged.log" --pid-file="$DIR/munged.pid" --seed-file="$DIR/munged.seed"
    for _ in $(seq 50); do munge_works && break; sleep 0.1; done
    munge_works || die "munged did not start (see $DIR/munged.log)"
  fi
  write_conf
  # -c: no state carried over from an earlier cluster in the same folder.
  slurmctld -c
  slurmd
  wait_idle
  for daemon in slurmctld slurmd; do
    [ -s "$DIR/$daemon.pid" ] && kill -0 "$(cat "$DIR/$daemon.pid")" 2>/dev/null || die "$daemon is not running; see $DIR/$daemon.log"
  done
  say "one-node cluster up: $(sinfo -h -o '%N %c CPUs %m MB %T')"
  echo "export SLURM_CONF=$CONF"
}

stop() {
  if [ -f "$CONF" ] && [ -s "$DIR/slurmctld.pid" ]; then
    scancel --full --quiet --user="$(id -un)" 2>/dev/null || true
  fi
  stop_pidfile "$DIR/slurmd.pid"
  stop_pidfile "$DIR/slurmctld.pid"
  stop_pidfile "$DIR/munged.pid"
  say "stopped (logs stay in $DIR)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) sinfo && squeue ;;
  run)
    shift
    [ $# -gt 0 ] || die "usage: $0 run CMD [ARGS...]"
    start >/dev/null
    trap stop EXIT
    "$@"
    ;;
  *) echo "usage: $0 start | stop | status | run CMD [ARGS...]" >&2; exit 2 ;;
esac
