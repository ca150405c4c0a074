#!/usr/bin/env bash
# A 3-node RabbitMQ cluster on this machine, from the installed rabbitmq-server, beside (never
# touching) the default broker on 5672: its own node names, AMQP and distribution ports, data and
# log directories under one temp dir, its own config and env files (so /etc/rabbitmq is not read),
# its own Erlang cookie, no management plugin.
#
# Usage: scripts/cluster.sh up | down | status | kill N | stop N | start N | leader QUEUE [VHOST]
#   N is 1, 2 or 3. Node N is ae-cN@localhost, AMQP on 127.0.0.1:$((AE_CLUSTER_PORT+N-1)).
#   kill N: SIGKILL node N's Erlang VM (no shutdown at all); stop N: stop node N gracefully (as
#   in a rolling restart: its queues hand leadership over, its connections are closed); start N:
#   start it again after either (it rejoins).
#   leader QUEUE [VHOST]: the number of the node leading that quorum queue.
# Environment: AE_CLUSTER_DIR (default /tmp/ae-cluster), AE_CLUSTER_PORT (first AMQP port, 5681).
set -euo pipefail

dir="${AE_CLUSTER_DIR:-/tmp/ae-cluster}"
base_port="${AE_CLUSTER_PORT:-5681}"
sbin=/usr/lib/rabbitmq/bin
[ -x "$sbin/rabbitmq-server" ] || sbin="$(dirname "$(command -v rabbitmq-server)")"

node_name() { echo "ae-c$1@localhost"; }
amqp_port() { echo $((base_port + $1 - 1)); }
dist_port() { echo $((base_port + 20000 + $1 - 1)); }

# Runs a RabbitMQ tool for node $1 with the cluster's environment.
with_node() {
  local n="$1"; shift
  env HOME="$dir" \
    RABBITMQ_NODENAME="$(node_name "$n")" \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$(amqp_port "$n")" \
    RABBITMQ_DIST_PORT="$(dist_port "$n")" \
    RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" \
    RABBITMQ_CONFIG_FILE="$dir/node$n/rabbitmq.conf" \
    RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
    RABBITMQ_MNESIA_BASE="$dir/node$n/mnesia" \
    RABBITMQ_LOG_BASE="$dir/node$n/log" \
    RABBITMQ_PID_FILE="$dir/node$n/pid" \
    ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    "$@"
}

ctl() { local n="$1"; shift; with_node "$n" "$sbin/rabbitmqctl" -n "$(node_name "$n")" "$@"; }

prepare() {
  mkdir -p "$dir"
  if [ ! -f "$dir/.erlang.cookie" ]; then
    head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/.erlang.cookie"
    chmod 400 "$dir/.erlang.cookie"
  fi
  echo "" >"$dir/rabbitmq-env.conf"
  echo "[]." >"$dir/advanced.config"
  echo "[rabbitmq_consistent_hash_exchange]." >"$dir/enabled_plugins"
  for n in 1 2 3; do
    mkdir -p "$dir/node$n/mnesia" "$dir/node$n/log"
    cat >"$dir/node$n/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$(amqp_port "$n")
loopback_users = none
vm_memory_high_watermark.absolute = 512MiB
disk_free_limit.absolute = 50MB
CONF
  done
}

start_node() {
  local n="$1"
  rm -f "$dir/node$n/pid"
  with_node "$n" "$sbin/rabbitmq-server" -detached >/dev/null 2>&1
  # `wait` waits for the pid file, then for the node to boot (await_startup would give up at
  # once on a VM not yet registered with epmd).
  ctl "$n" -q wait --timeout 120 "$dir/node$n/pid" >/dev/null
}

is_running() { ctl "$1" -q ping >/dev/null 2>&1; }

case "${1:-}" in
  up)
    command -v rabbitmq-server >/dev/null 2>&1 || [ -x "$sbin/rabbitmq-server" ] || {
      echo "rabbitmq-server is not installed" >&2; exit 3; }
    prepare
    for n in 1 2 3; do is_running "$n" || start_node "$n"; done
    for n in 2 3; do
      if ! ctl 1 -q cluster_status 2>/dev/null | grep -q "$(node_name "$n")"; then
        ctl "$n" -q stop_app
        ctl "$n" -q join_cluster "$(node_name 1)"
        ctl "$n" -q start_app
      fi
    done
    ctl 1 -q await_online_nodes 3 --timeout 120 >/dev/null 2>&1 || true
    echo "cluster up: amqp://guest:guest@127.0.0.1:$(amqp_port 1),:$(amqp_port 2),:$(amqp_port 3) (dir $dir)"
    ;;
  down)
    # Nothing to take down (and rabbitmqctl, given a missing HOME, would leave an erl_crash.dump).
    [ -d "$dir" ] || { echo "cluster down"; exit 0; }
    for n in 3 2 1; do
      if is_running "$n"; then ctl "$n" -q stop >/dev/null 2>&1 || true; fi
      if [ -f "$dir/node$n/pid" ]; then
        pid="$(cat "$dir/node$n/pid")"
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
      fi
    done
    rm -rf "$dir"
    echo "cluster down"
    ;;
  status)
    for n in 1 2 3; do
      if is_running "$n"; then s=running; else s=down; fi
      echo "node $n $(node_name "$n") amqp 127.0.0.1:$(amqp_port "$n") $s"
    done
    ;;
  kill)
    n="${2:?kill N}"
    pid="$(cat "$dir/node$n/pid")"
    kill -9 "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    echo "node $n killed (pid $pid)"
    ;;
  stop)
    n="${2:?stop N}"
    ctl "$n" -q stop "$dir/node$n/pid" >/dev/null
    echo "node $n stopped"
    ;;
  start)
    n="${2:?start N}"
    start_node "$n"
    echo "node $n started"
    ;;
  leader)
    queue="${2:?leader QUEUE [VHOST]}"
    vhost="${3:-/}"
    for n in 1 2 3; do
      if is_running "$n"; then
        leader="$(ctl "$n" -q list_queues -p "$vhost" name leader --no-table-headers 2>/dev/null \
          | awk -v q="$queue" '$1 == q {print $2}')"
        [ -n "$leader" ] && { echo "${leader#ae-c}" | cut -d@ -f1; exit 0; }
      fi
    done
    echo "no leader found for $queue" >&2; exit 1
    ;;
  ctl)
    shift; n="$1"; shift; ctl "$n" "$@"
    ;;
  *)
    sed -n '2,14p' "$0" >&2
    exit 2
    ;;
esac
