#!/usr/bin/env bash
# Archive replay throughput on the local RabbitMQ (release build): publishes N seed-sized
# envelopes to the input exchange of a throw-away vhost (no worker: they stay queued and are
# archived), then times `replay --from-archive --first`. A benchmark, not a test.
# Usage: scripts/bench-replay.sh [N]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
vhost="ae-bench-replay-$$"
bin=target/release/article-enricher
cargo build --release --quiet --bin article-enricher
rabbitmqctl -q add_vhost "$vhost" >/dev/null
trap 'rabbitmqctl -q delete_vhost "$vhost" >/dev/null' EXIT
rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
export AMQP_URL="amqp://guest:guest@127.0.0.1:5672/$vhost" RUST_LOG=warn
input=$(mktemp --suffix .jsonl)
python3 - "$n" "$input" <<'PY'
import json, sys
n, path = int(sys.argv[1]), sys.argv[2]
text = open("src/commands/sample_article.txt", encoding="utf-8").read()
with open(path, "w", encoding="utf-8") as f:
    for i in range(n):
        f.write(json.dumps({"id": f"bench-{i}", "text": text}) + "\n")
PY
"$bin" publish "$input" >/dev/null
rm -f "$input"
start=$(date +%s.%N)
summary=$("$bin" replay --from-archive --first --idle-ms 500 --json)
end=$(date +%s.%N)
python3 -c "import sys,json; s=json.loads(sys.argv[3])['summary']; t=float(sys.argv[2])-float(sys.argv[1]); print(f\"archive replay: {s['published']} messages re-published in {t:.2f} s = {s['published']/t:.0f} messages/s ($(nproc) cores; includes 2 x 0.5 s idle probes)\")" "$start" "$end" "$summary"
