#!/usr/bin/env bash
# Peak memory of one worker (default settings) through a fuzz-plus-hostile mix on the local
# RabbitMQ: good articles, malformed messages of many shapes, and large legal bodies up to the
# 10 MiB limit (long HTML pages, long texts), plus a few over it. Reports every message settled
# (records + dead letters = messages published), dead letters per kind, and the worker's peak RSS
# (VmHWM). A benchmark, not a test. Usage: scripts/bench-hostile-mix.sh [GOOD] [MALFORMED] [LARGE]
# (default 500 600 12).
set -euo pipefail
cd "$(dirname "$0")/.."
good="${1:-500}"
malformed="${2:-600}"
large="${3:-12}"
vhost="ae-mix-$$"
bin="${BIN:-target/release/article-enricher}"
if [ -z "${BIN:-}" ]; then cargo build --release --quiet --bin article-enricher; fi
dir=$(mktemp -d)
worker=0
cleanup() {
  kill "$worker" 2>/dev/null || true
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
rabbitmqctl -q add_vhost "$vhost" >/dev/null
rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
export AMQP_URL="amqp://guest:guest@127.0.0.1:5672/$vhost" ENRICHER__HTTP__BIND=127.0.0.1:0 RUST_LOG=warn
export ENRICHER__TOPOLOGY__ARCHIVE=false

python3 - "$dir" "$good" "$malformed" "$large" <<'PY'
import json, os, random, sys
out, good, malformed, large = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
random.seed(13)
sample = open("crates/extract/src/sample_article.txt", encoding="utf-8").read()
words = "river council budget water minister said the of and to in a for on with as by at from harbour project storm Lisbon Monday".split()
def prose(n):
    return " ".join(random.choice(words) for _ in range(n))
with open(f"{out}/good.jsonl", "w") as f:
    for i in range(good):
        f.write(json.dumps({"id": f"good-{i}", "text": sample.replace("Tuesday", f"Tuesday ({i})")}) + "\n")
shapes = [
    lambda i: (b"", "bin"),
    lambda i: (bytes(random.getrandbits(8) for _ in range(random.randint(1, 4000))), "bin"),
    lambda i: (b'{"id": "m%d", "text": ' % i, "json"),
    lambda i: (b'{"id": {"x": 1}, "text": "t"}', "json"),
    lambda i: (b'{"id": "m", "html": 42}', "json"),
    lambda i: (b'{"url": "u"}', "json"),
    lambda i: (b'[1, 2, 3]', "json"),
    lambda i: (b'\xff\xfe' + b'x' * 100, "txt"),
    lambda i: (b"<html><body><nav>Menu</nav></body></html>", "html"),
    lambda i: (b"<div>" * 600 + b"deep", "html"),
    lambda i: ("".join(f'"k{k}": {k}, ' for k in range(3000)).encode(), "txt"),
    lambda i: (("\u201c" * 5000 + prose(2000)).encode(), "txt"),
    lambda i: (("<p>" + prose(50) + "</p>") .encode() * 50, "html"),
]
for i in range(malformed):
    body, ext = shapes[i % len(shapes)](i)
    open(f"{out}/m{i:05d}.{ext}", "wb").write(body)
for i in range(large):
    kind = i % 4
    if kind == 0:   # a long legal page, ~9.5 MB
        html = "<html><head><title>Long</title></head><body><article><h1>Long</h1>" + "".join(f"<p>The {prose(22)}.</p>" for _ in range(62000)) + "</article></body></html>"
        open(f"{out}/large{i}.html", "w").write(html)
    elif kind == 1:  # a long legal text, ~9.5 MB
        open(f"{out}/large{i}.txt", "w").write("Long Text\n\n" + "\n\n".join(prose(120) + "." for _ in range(14000)))
    elif kind == 2:  # markup nested just under the depth limit, many elements
        open(f"{out}/large{i}.html", "w").write("<html><body>" + ("<div><p>" + prose(8) + "</p>") * 500 + "</div>" * 500 + "".join(f"<span>{prose(3)}</span>" for _ in range(60000)) + "</body></html>")
    else:           # over the body limit
        open(f"{out}/large{i}.txt", "w").write("x " * (5_400_000))
PY
total=$((good + malformed + large))
"$bin" publish "$dir"/*.jsonl "$dir"/m*.* "$dir"/large* >/dev/null

settled() {
  "$bin" topology 2>/dev/null | awk '$2=="output"||$2=="dead-letter"{sub("messages=","",$4); s+=$4} END{print s+0}'
}
"$bin" run 2>>/tmp/bench-hostile-mix.log &
worker=$!
start=$(date +%s)
while [ "$(settled)" -lt "$total" ]; do
  sleep 0.5
  if [ $(( $(date +%s) - start )) -gt 900 ]; then echo "not settled after 900 s: $(settled) of $total" >&2; exit 1; fi
done
hwm=$(awk '/VmHWM/{print $2" "$3}' "/proc/$worker/status")
rss=$(awk '/VmRSS/{print $2" "$3}' "/proc/$worker/status")
echo "$total messages settled in $(( $(date +%s) - start )) s ($good good, $malformed malformed, $large large); worker peak RSS $hwm, now $rss"
"$bin" topology 2>/dev/null | grep -E "output|dead-letter"
"$bin" replay --from-dead-letter --dry-run --json 2>/dev/null | python3 -c "import json,sys; r=json.loads(next(l for l in sys.stdin if l.startswith('{'))); print('dead letters by kind:', {k: v['count'] for k, v in r['dry_run']['kinds'].items()})"
