#!/usr/bin/env bash
# Runs the whole test suite against a real RabbitMQ, bringing one up when none is reachable:
# a local rabbitmq-server if installed, else `docker compose up -d rabbitmq`.
# Usage: scripts/test.sh [extra cargo test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

host="${RABBITMQ_HOST:-127.0.0.1}"
port="${RABBITMQ_PORT:-5672}"

reachable() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }

wait_for_broker() {
  for _ in $(seq 1 90); do
    if reachable; then return 0; fi
    sleep 1
  done
  echo "RabbitMQ did not come up on $host:$port" >&2
  return 1
}

if ! reachable; then
  if command -v rabbitmq-server >/dev/null 2>&1; then
    echo "RabbitMQ not reachable on $host:$port; starting the local rabbitmq-server" >&2
    rabbitmq-server -detached
    wait_for_broker
    rabbitmqctl await_startup >/dev/null
  elif docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1; then
    compose="docker compose"
    docker compose version >/dev/null 2>&1 || compose="docker-compose"
    echo "RabbitMQ not reachable on $host:$port; starting it with $compose" >&2
    $compose up -d rabbitmq
    export RABBITMQCTL="${RABBITMQCTL:-$compose exec -T rabbitmq rabbitmqctl}"
    wait_for_broker
  else
    echo "RabbitMQ is not reachable on $host:$port and neither rabbitmq-server nor docker compose is installed" >&2
    exit 1
  fi
fi

# Ordering mode needs the consistent-hash exchange plugin (docker-compose enables it itself).
if [ -z "${RABBITMQCTL:-}" ] && command -v rabbitmq-plugins >/dev/null 2>&1; then
  rabbitmq-plugins -q enable rabbitmq_consistent_hash_exchange >/dev/null
fi

# The tests create one vhost each with rabbitmqctl and delete it afterwards.
if [ -z "${RABBITMQCTL:-}" ] && ! command -v rabbitmqctl >/dev/null 2>&1; then
  echo "rabbitmqctl not found: set RABBITMQCTL to a command that runs it (see README)" >&2
  exit 1
fi

# Every workspace member: the worker (unit, CLI and broker tests), the extraction library (unit,
# golden and property tests, doctests) and the eval tools. Release profile: the hostile-input tests
# hold megabyte inputs to the default 5 s budget, which unoptimised code cannot meet, and CI's other
# steps build the same profile, so its dependencies are compiled once.
cargo test --locked --release --workspace --all-targets "$@"
exec cargo test --locked --release --workspace --doc "$@"
