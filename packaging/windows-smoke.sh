#!/usr/bin/env bash
# The Windows smoke test: the .exe under Wine, from nothing, as a new user would use it.
#
#   packaging/windows-smoke.sh EXE [MSI]
#
# Creates a database in a folder with åäö and spaces, adds an insats, exports CSV, PDF
# and HTML, backs up and restores, imports a Windows-1252 text with CRLF line ends, adds a
# trygghetsvandring with a photo; checks each result, not only the exit code. Then opens
# the window under Xvfb and saves a screenshot of the board (target/windows-smoke/).
# With an MSI: installs it silently, runs the installed program, uninstalls silently.
#
# Wine 8 lacks bcryptprimitives.dll (Windows 10/11 have it): a test-only stand-in built
# from packaging/wine-test/ is put into the throwaway Wine prefix, never into dist/.
# Needs: wine, wine64, mingw-w64, poppler-utils, xvfb (packaging/release.sh and .ci/run
# install them).
set -euo pipefail
exe=$(realpath "${1:?usage: windows-smoke.sh EXE [MSI]}")
msi=${2:+$(realpath "$2")}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/target/windows-smoke
rm -rf "$out"; mkdir -p "$out"
work=$(mktemp -d)
trap 'wineserver -k 2>/dev/null || true; rm -rf "$work"' EXIT

export WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=" # no Mono/Gecko download prompts
step() { printf '\n== %s\n' "$*"; }
fail() { echo "FEL i Windows-röktestet: $*" >&2; exit 1; }

step "Wine-prefix"
wineboot -i >/dev/null 2>&1
x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bcryptprimitives.dll" \
  "$root/packaging/wine-test/bcryptprimitives.c" "$root/packaging/wine-test/bcryptprimitives.def" -ladvapi32
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"

dir_unix="$WINEPREFIX/drive_c/Samverkan åäö"
dir='C:\Samverkan åäö'
mkdir -p "$dir_unix"
db="$dir\\tavla Sölvesborg.db"
W() { wine "$exe" --db "$db" "$@"; }

step "Första start: databasen skapas"
W list --kommun Sölvesborg >"$work/list1.txt"
grep -q "Sölvesborg — Medborgarlöfte 2024" "$work/list1.txt" || fail "list visar inte Sölvesborg: $(head -3 "$work/list1.txt")"
[[ $(head -c 15 "$dir_unix/tavla Sölvesborg.db") == "SQLite format 3" ]] || fail "ingen databas skapades"
[[ -d "$dir_unix/tavla Sölvesborg.db-sakerhetskopior" || -d "$dir_unix/tavla Sölvesborg-sakerhetskopior" ]] \
  || fail "ingen mapp för säkerhetskopior"
ls "$dir_unix"/*sakerhetskopior/ | grep -q '^trygghetstavlan-.*\.db$' || fail "ingen daglig kopia"
pledge=$(awk '/A-traktorer i Sölvesborgs kommun/ {print $1; exit}' "$work/list1.txt")
[[ -n $pledge ]] || fail "hittar inte löftet om A-traktorer"

step "Utan --db: databasen i %APPDATA%"
wine "$exe" list >"$work/list0.txt"
grep -q "Sölvesborg — Medborgarlöfte 2024" "$work/list0.txt" || fail "list utan --db visar inte kommunerna"
appdata_db=$(find "$WINEPREFIX/drive_c/users" -path '*/AppData/Roaming/Trygghetstavlan/Trygghetstavlan/data/trygghetstavlan.db')
[[ -n $appdata_db ]] || fail "ingen databas under %APPDATA%\\Trygghetstavlan"

step "Insats"
W add-insats --kommun Sölvesborg --lofte "$pledge" --date 2024-05-02 --place Torget --text "Kontroll av A-traktorer på torget"
W list --kommun Sölvesborg >"$work/list2.txt"
grep -E "^ +$pledge .* 1/4 " "$work/list2.txt" >/dev/null || fail "insatsen räknas inte: $(grep -E "^ +$pledge " "$work/list2.txt")"

step "Export CSV, PDF, HTML"
W export-csv --kommun Sölvesborg -o "$dir\\tavla.csv"
head -c 3 "$dir_unix/tavla.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "CSV utan BOM"
grep -q "A-traktorer" "$dir_unix/tavla.csv" || fail "CSV saknar löftena"
W export-pdf --kommun Sölvesborg --period 2024 -o "$dir\\uppföljning 2024.pdf"
pdftotext "$dir_unix/uppföljning 2024.pdf" "$work/pdf.txt"
grep -q "Sölvesborg" "$work/pdf.txt" && grep -q "Kontroll av A-traktorer på torget" "$work/pdf.txt" \
  || fail "PDF:en saknar kommunen eller insatsen"
W export-html --kommun Sölvesborg --period 2024 -o "$dir\\invånare.html"
grep -q "<html" "$dir_unix/invånare.html" && grep -q "Sölvesborg" "$dir_unix/invånare.html" \
  || fail "HTML-sidan saknar innehåll"
ls "$dir_unix" | grep -q '\.tmp$' && fail "tillfälliga filer kvar: $(ls -a "$dir_unix")"

step "Säkerhetskopia och återställning"
W backup -o "$dir\\kopia före.db"
[[ $(head -c 15 "$dir_unix/kopia före.db") == "SQLite format 3" ]] || fail "säkerhetskopian är ingen databas"
W add-insats --kommun Sölvesborg --lofte "$pledge" --date 2024-06-01 --place Hamnen
W list --kommun Sölvesborg | grep -E "^ +$pledge .* 2/4 " >/dev/null || fail "andra insatsen räknas inte"
W restore "$dir\\kopia före.db"
W list --kommun Sölvesborg | grep -E "^ +$pledge .* 1/4 " >/dev/null || fail "återställningen tog inte tillbaka 1/4"
ls "$dir_unix"/*sakerhetskopior/ | grep -q '^fore-aterstallning-' || fail "ingen kopia före återställningen"

step "Återställning medan fönstret har filen öppen"
xvfb-run -a wine "$exe" --db "$db" >"$work/window.log" 2>&1 &
window=$!
sleep 20
kill -0 "$window" 2>/dev/null || fail "fönstret startade inte: $(tail -5 "$work/window.log")"
W add-insats --kommun Sölvesborg --lofte "$pledge" --date 2024-07-01 --place Stranden
W restore "$dir\\kopia före.db"
W list --kommun Sölvesborg | grep -E "^ +$pledge .* 1/4 " >/dev/null || fail "återställningen med fönstret öppet tog inte"
kill -0 "$window" 2>/dev/null || fail "fönstret föll när databasen återställdes: $(tail -5 "$work/window.log")"
kill "$window" 2>/dev/null || true
wineserver -k 2>/dev/null || true
wait "$window" 2>/dev/null || true

step "Fönstret visar tavlan"
shot=$out/tavlan-wine.png
"$root/../shared/tools/screenshot.sh" "$shot" -s 1280x800 -w 25 -- wine "$exe" --db "$db" --kommun Sölvesborg \
  | tee "$work/shot.txt"
applog=$(sed -n 's/.*program output: \(.*\))/\1/p' "$work/shot.txt")
grep -q "panicked" "$applog" && fail "fönstret fick panik: $(grep panicked "$applog")"
colours=$(identify -format '%k' "$shot" 2>/dev/null || echo 0)
[[ $colours -gt 50 ]] || fail "skärmbilden är tom ($colours färger)"
echo "skärmbild: $shot ($colours färger)"

step "Import av en Windows-1252-fil med CRLF"
iconv -f UTF-8 -t WINDOWS-1252 "$root/tests/fixtures/olofstrom.txt" | sed 's/$/\r/' >"$dir_unix/löfte ansi.txt"
W import-text --kommun Älmhult --lpo Älmhult --period 2026 "$dir\\löfte ansi.txt" >"$work/import.txt" 2>&1
grep -q "windows-1252" "$work/import.txt" || fail "kodningen lästes inte som windows-1252: $(tail -3 "$work/import.txt")"
W list --kommun Älmhult >"$work/list3.txt"
grep -q "^Älmhult — Medborgarlöfte 2026 · 10 löften" "$work/list3.txt" || fail "importen gav inte 10 löften: $(head -2 "$work/list3.txt")"
grep -q "grannsamverkan" "$work/list3.txt" || fail "importens text saknas"

step "Trygghetsvandring med foto"
cp "$root/assets/icon/trygghetstavlan-256.png" "$dir_unix/foto från vandringen.png"
W add-vandring --kommun Sölvesborg --date 2024-10-01 --omrade "Stationsområdet" --deltagare 6 --organisationer "Polisen, Kommunen"
walk=$(W list-vandringar --kommun Sölvesborg | awk '/Stationsområdet/ {print $1; exit}')
[[ -n $walk ]] || fail "vandringen syns inte i list-vandringar"
W add-iakttagelse --vandring "$walk" --plats "Gångtunneln" --kategori belysning --beskrivning "Mörk tunnel" \
  --atgard "Byt armaturer" --ansvarig "Tekniska förvaltningen" --foto "$dir\\foto från vandringen.png"
W list-vandringar --kommun Sölvesborg | grep "Stationsområdet" | grep -q "1 iakttagelse" || fail "iakttagelsen räknas inte"
W export-pdf --vandring "$walk" -o "$dir\\protokoll.pdf"
pdfimages -list "$dir_unix/protokoll.pdf" | awk 'NR>2' | grep -q . || fail "protokollet saknar fotot"

step "Samverkan: ändringar till en ny databas och tillbaka (age, scrypt)"
printf 'korv med bröd och senap\r\n' >"$dir_unix/lösenord.txt"
W send-changes --fran Kommunen --till "Polisen LPO Karlshamn" -o "$dir\\till polisen.tavla" \
  --losenord-fil "$dir\\lösenord.txt" | tee "$work/send.txt"
grep -q "Skrev fil nr 1 till Polisen LPO Karlshamn" "$work/send.txt" || fail "ingen ändringsfil skrevs"
head -c 21 "$dir_unix/till polisen.tavla" | grep -q "age-encryption.org" || fail "ändringsfilen är inte krypterad med age"
grep -q "Stationsområdet" "$dir_unix/till polisen.tavla" && fail "ändringsfilen har läsbar text"
P() { wine "$exe" --db "$dir\\polisen åäö.db" "$@"; }
P receive-changes "$dir\\till polisen.tavla" --losenord-fil "$dir\\lösenord.txt" | tee "$work/recv.txt"
grep -q "Skapade" "$work/recv.txt" || fail "polisens databas skapades inte från filen"
P list-vandringar --kommun Sölvesborg | grep -q "Stationsområdet" || fail "vandringen kom inte med"
P rename-kommun Olofström "Olofströms kommun"
P send-changes --till Kommunen -o "$dir\\till kommunen.tavla" --losenord-fil "$dir\\lösenord.txt"
W receive-changes "$dir\\till kommunen.tavla" --losenord-fil "$dir\\lösenord.txt" | tee "$work/recv2.txt"
grep -q "Läste in fil nr 1 från Polisen LPO Karlshamn" "$work/recv2.txt" || fail "kommunen läste inte in svaret"
W list | grep -q "Olofströms kommun" || fail "ändringen från polisen syns inte"
ls "$dir_unix"/*sakerhetskopior/ | grep -q '^fore-inlasning-' || fail "ingen kopia före inläsningen"

if [[ -n $msi ]]; then
  step "MSI: tyst installation, körning, tyst avinstallation"
  wine msiexec /i "$msi" /qn
  installed="$WINEPREFIX/drive_c/Program Files/Trygghetstavlan/trygghetstavlan.exe"
  [[ -f $installed ]] || fail "MSI:n installerade ingen trygghetstavlan.exe"
  # Wine puts a per-machine shortcut in the user's Start menu folder; Windows in ProgramData.
  lnk() { find "$WINEPREFIX/drive_c" -path '*Start Menu/Programs/Trygghetstavlan.lnk'; }
  [[ -n $(lnk) ]] || fail "ingen genväg i Start-menyn"
  wine "$installed" --version | grep -q "trygghetstavlan" || fail "det installerade programmet svarar inte"
  wine "$installed" --db "$dir\\installerad.db" list | grep -q "Sölvesborg" || fail "det installerade programmet skapar ingen databas"
  wine msiexec /x "$msi" /qn
  [[ ! -e $installed && -z $(lnk) ]] || fail "avinstallationen lämnade programmet eller genvägen kvar"
fi
printf '\nWindows-röktestet gick igenom.\n'
