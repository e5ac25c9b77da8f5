#!/usr/bin/env bash
# Renders the sample matter of docs/sample: a generated 76-page record set
# (genfixtures -bench-pages 75) processed offline with the attorney inputs
# of docs/sample/inputs.json, its chronology.html and demand.md printed to
# PDF pages with headless Chromium. Nothing here is reviewed by a person:
# the letter marks every fact "[not yet reviewed]", as it must.
#   scripts/sample-docs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/sample
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/medchron" ./cmd/medchron
go run ./cmd/genfixtures -bench-pages 75 -bench-out "$tmp/bundle" >&2
incident=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["incident_date"])' "$tmp/bundle/truth.json")
"$tmp/medchron" process --quiet --db "$tmp/m.db" --out "$tmp/out" --matter sample-whitfield --name "Whitfield v. Ellis" \
  --client "Dana Whitfield" --incident-date "$incident" --demand-inputs "$out/inputs.json" "$tmp/bundle/born-digital.pdf"
# demand.md as HTML: headings, paragraphs, lists, tables and bold, which is
# all the letter uses.
python3 - "$tmp/out/demand.md" "$tmp/demand.html" <<'PY'
import html, re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
out, para, lst, table = [], [], False, []
def inline(s):
    s = html.escape(s)
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
def flush():
    global para, lst, table
    if para: out.append("<p>" + inline(" ".join(para)) + "</p>"); para = []
    if lst: out.append("</ul>"); lst = False
    if table:
        rows = [r for r in table if not re.match(r"^\|\s*-", r)]
        out.append("<table>")
        for i, r in enumerate(rows):
            cells = [c.strip() for c in r.strip().strip("|").split("|")]
            tag = "th" if i == 0 else "td"
            out.append("<tr>" + "".join(f"<{tag}>{inline(c)}</{tag}>" for c in cells) + "</tr>")
        out.append("</table>"); table = []
for l in lines:
    if l.startswith("|"): table.append(l); continue
    elif table: flush()
    m = re.match(r"^(#{1,4}) (.*)", l)
    if m: flush(); n = len(m.group(1)); out.append(f"<h{n}>{inline(m.group(2))}</h{n}>"); continue
    if l.startswith("- "):
        if para: flush()
        if not lst: out.append("<ul>"); lst = True
        out.append("<li>" + inline(l[2:]) + "</li>"); continue
    if l.strip() in ("", "---"): flush(); continue
    para.append(l)
flush()
css = "body{font:11pt Georgia,serif;max-width:7in;margin:auto}table{border-collapse:collapse;font-size:9pt}td,th{border:1px solid #999;padding:2px 4px}h1{font-size:16pt}h2{font-size:13pt;margin-top:1.2em}h3{font-size:11pt}"
open(sys.argv[2], "w", encoding="utf-8").write("<!doctype html><meta charset=utf-8><title>Demand letter</title><style>" + css + "</style>" + "\n".join(out))
PY
for f in chronology demand; do
  src="$tmp/out/$f.html"; [ "$f" = demand ] && src="$tmp/demand.html"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/$f.pdf" "file://$src" 2>/dev/null
done
cp "$tmp/out/demand.md" "$tmp/out/adjuster.md" "$out/"
echo "sample-docs: $(wc -w < "$out/demand.md") words in demand.md; PDFs in $out" >&2
