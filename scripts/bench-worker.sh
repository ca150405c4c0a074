#!/usr/bin/env bash
# End-to-end throughput and memory of one worker (release build) on the local RabbitMQ:
# publishes N seed-sized text articles (the built-in sample, each with its own id) into a
# throw-away vhost, starts one worker, and reports records/s until all N records are in the
# output queue, plus the worker's resident memory (VmRSS now, VmHWM peak) at the end.
# Usage: scripts/bench-worker.sh [N]   (default 10000). A benchmark, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
vhost="ae-bench-$$"
bin=target/release/article-enricher
cargo build --release --quiet --bin article-enricher

rabbitmqctl -q add_vhost "$vhost" >/dev/null
trap 'kill "${worker:-0}" 2>/dev/null || true; rabbitmqctl -q delete_vhost "$vhost" >/dev/null' EXIT
rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
export AMQP_URL="amqp://guest:guest@127.0.0.1:5672/$vhost" ENRICHER__HTTP__BIND=127.0.0.1:0 RUST_LOG=warn

input=$(mktemp --suffix .jsonl)
"$bin" extract --sample --compact >/dev/null   # sanity
python3 - "$n" "$input" <<'PY'
import json, sys, subprocess
n, path = int(sys.argv[1]), sys.argv[2]
text = open("src/commands/sample_article.txt", encoding="utf-8").read()
with open(path, "w", encoding="utf-8") as f:
    for i in range(n):
        f.write(json.dumps({"id": f"bench-{i}", "text": text.replace("Tuesday", f"Tuesday ({i})")}) + "\n")
PY
"$bin" publish "$input" >/dev/null
rm -f "$input"

count() { rabbitmqctl -q list_queues -p "$vhost" name messages | awk '$1=="articles.enriched"{print $2}'; }
start=$(date +%s.%N)
"$bin" run 2>/tmp/bench-worker.log &
worker=$!
while [ "$(count)" != "$n" ]; do sleep 0.2; done
end=$(date +%s.%N)
rss=$(awk '/VmRSS/{print $2" "$3}' "/proc/$worker/status")
hwm=$(awk '/VmHWM/{print $2" "$3}' "/proc/$worker/status")
kill -TERM "$worker"; wait "$worker" || true
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'{n} records in {s:.2f} s: {n/s:.0f} records/s end-to-end (one worker, $(nproc) cores)')" "$start" "$end" "$n"
echo "worker RSS after $n messages: $rss (peak $hwm)"
