#!/usr/bin/env bash
# Every kind of PDF the program writes, from the demo database plus a meeting with beslut
# and photos on a walk, checked with the open PDF/UA checker `pdfua` (PyPI, in a
# virtualenv): any finding fails. Also `pdfinfo` (Tagged: yes) and `pdffonts` (every font
# embedded, with ToUnicode). Usage: .ci/pdfua.sh BINARY [OUTDIR]
set -euo pipefail
bin=$(realpath "$1")
out=${2:-$(mktemp -d)}
mkdir -p "$out"
venv=${PDFUA_VENV:-target/pdfua-venv}
if [ ! -x "$venv/bin/pdfua" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'pdfua==0.1.3'
fi
db=$out/demo.db
rm -f "$db" "$db"-*
t() { "$bin" --db "$db" "$@"; }
t demo >/dev/null
# A meeting with beslut (one on a löfte) for the minnesanteckningar.
meeting=$(t add-mote --kommun Bromölla --date 2024-09-12 --deltagare "Kommunen, Polisen" \
  --anteckning "Klotter vid stationen har ökat; lugnare i parken." | grep -o '[0-9]\{6,\}' | head -1)
lofte=$(t list --kommun Bromölla | grep -o '^ *[0-9]\{6,\}' | head -1 | tr -d ' ')
t add-beslut --mote "$meeting" --text "Kommunen sätter upp belysning i tunneln" \
  --ansvarig Gatuavdelningen --senast 2024-10-31 --lofte "$lofte" >/dev/null
t add-beslut --mote "$meeting" --text "Polisen går extra pass vid stationen" \
  --ansvarig Polisen >/dev/null
# Photos on the Bromölla walk (a JPEG and a PNG, made here).
walk=$(t list-vandringar | grep -A1 '^Bromölla' | grep -o '[0-9]\{6,\}' | head -1)
python3 - "$out" <<'PY'
import sys, zlib, struct
d = sys.argv[1]
w, h = 640, 480
raw = b''.join(b'\x00' + bytes(v for x in range(w) for v in (x * 255 // w, y * 255 // h, 128)) for y in range(h))
def chunk(t, data):
    return struct.pack('>I', len(data)) + t + data + struct.pack('>I', zlib.crc32(t + data) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) \
    + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
open(f'{d}/foto.png', 'wb').write(png)
PY
t add-iakttagelse --vandring "$walk" --plats "Tunneln under järnvägen" --kategori belysning \
  --beskrivning "Två armaturer trasiga, mörkt på kvällen" --atgard "Byt armaturer" \
  --ansvarig Gatuavdelningen --senast 2024-10-01 --foto "$out/foto.png" --foto "$out/foto.png" >/dev/null
agreement=$(t list-overenskommelser --kommun Bromölla | grep -o '^[0-9]\{6,\}' | head -1)

t export-pdf --kommun Bromölla --period 2024 --dnr "KS 2024/117" -o "$out/uppfoljning.pdf"
t export-pdf --lpo Karlshamn --period 2024 -o "$out/lpo.pdf"
t export-pdf --vandring "$walk" -o "$out/protokoll.pdf"
t export-pdf --kommun Bromölla --atgarder -o "$out/atgardslista.pdf"
t export-pdf --mote "$meeting" -o "$out/minnesanteckningar.pdf"
t export-pdf --overenskommelse "$agreement" -o "$out/overenskommelse.pdf"

status=0
for f in "$out"/*.pdf; do
  "$venv/bin/pdfua" check "$f" || status=1
  pdfinfo "$f" | grep -q '^Tagged: *yes' || { echo "$f: not tagged"; status=1; }
  # pdffonts: name type encoding emb sub uni object ID
  pdffonts "$f" | awk -v f="$f" 'NR > 2 && ($(NF-4) != "yes" || $(NF-2) != "yes") {
    print f ": font not embedded or without ToUnicode: " $0; bad = 1 } END { exit bad }' || status=1
done
exit $status
