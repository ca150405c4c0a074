#!/usr/bin/env bash
# End-to-end throughput and memory of the worker (release build) on the local RabbitMQ: publishes
# N articles into a throw-away vhost, starts W workers, and reports records/s until all N records
# are in the output queue, with each worker's resident memory (VmRSS now, VmHWM peak) at the end,
# and whether any record was lost or duplicated (the output queue's count once they stopped).
#   KIND=text  seed-sized text articles (the built-in sample, each with its own id)
#   KIND=html  real news pages: the pages of ../shared/corpus/readability-pages in turn; the
#              single-process `extract --jsonl` rate on the same envelopes is printed beside it
# Usage: scripts/bench-worker.sh [N] [text|html] [W]   (default 10000 text 1). A benchmark, not a
# test: run it on a quiet machine. BIN=path picks another build of the worker to compare.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
kind="${2:-text}"
workers="${3:-1}"
vhost="ae-bench-$$"
bin="${BIN:-target/release/article-enricher}"
if [ -z "${BIN:-}" ]; then cargo build --release --quiet --bin article-enricher; fi

rabbitmqctl -q add_vhost "$vhost" >/dev/null
pids=()
input=$(mktemp --suffix .jsonl)
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null
  rm -f "$input"
}
trap cleanup EXIT
rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
export AMQP_URL="amqp://guest:guest@127.0.0.1:5672/$vhost" ENRICHER__HTTP__BIND=127.0.0.1:0 RUST_LOG=warn
export ENRICHER__TOPOLOGY__ARCHIVE=false

python3 - "$n" "$input" "$kind" <<'PY'
import json, pathlib, sys
n, path, kind = int(sys.argv[1]), sys.argv[2], sys.argv[3]
with open(path, "w", encoding="utf-8") as f:
    if kind == "text":
        text = open("crates/extract/src/sample_article.txt", encoding="utf-8").read()
        for i in range(n):
            f.write(json.dumps({"id": f"bench-{i}", "text": text.replace("Tuesday", f"Tuesday ({i})")}) + "\n")
    else:
        corpus = pathlib.Path("../shared/corpus/readability-pages")
        pages = sorted(p.read_text(encoding="utf-8", errors="replace") for p in corpus.glob("*/source.html"))
        if not pages:
            sys.exit("no pages under ../shared/corpus/readability-pages")
        for i in range(n):
            f.write(json.dumps({"id": f"bench-{i}", "html": pages[i % len(pages)]}) + "\n")
PY

if [ "$kind" = html ]; then
  start=$(date +%s.%N)
  "$bin" extract --jsonl < "$input" > /dev/null
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'extract --jsonl (one process, all cores): {int(sys.argv[3])/s:.0f} records/s')" "$start" "$end" "$n"
fi

"$bin" publish "$input" >/dev/null

count() { "$bin" topology 2>/dev/null | awk '$2=="output"{sub("messages=","",$4); print $4}'; }
start=$(date +%s.%N)
for _ in $(seq 1 "$workers"); do
  "$bin" run 2>>/tmp/bench-worker.log &
  pids+=("$!")
done
while [ "$(count)" != "$n" ]; do sleep 0.05; done
end=$(date +%s.%N)
for pid in "${pids[@]}"; do
  echo "worker $pid RSS after $n messages: $(awk '/VmRSS/{print $2" "$3}' "/proc/$pid/status") (peak $(awk '/VmHWM/{print $2" "$3}' "/proc/$pid/status"))"
done
for pid in "${pids[@]}"; do kill -TERM "$pid"; wait "$pid" || true; done
pids=()
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'{n} {sys.argv[4]} records in {s:.2f} s: {n/s:.0f} records/s end-to-end ({sys.argv[5]} worker(s), $(nproc) cores)')" "$start" "$end" "$n" "$kind" "$workers"

# Lost and duplicated: the output queue holds exactly N records once the workers have stopped
# (fewer is a loss, more a duplicate), and nothing was dead-lettered.
python3 - "$n" "$vhost" <<'PY'
import json, subprocess, sys
n, vhost = int(sys.argv[1]), sys.argv[2]
out = subprocess.run(["rabbitmqctl", "-q", "list_queues", "-p", vhost, "name", "messages"],
                     capture_output=True, text=True).stdout
counts = dict(line.split()[:2] for line in out.splitlines() if len(line.split()) >= 2)
records = int(counts.get("articles.enriched", 0))
dead = int(counts.get("articles.dead-letter", 0))
print(f"output queue {records} records for {n} articles ({records - n:+d}), dead-letter {dead}")
PY
