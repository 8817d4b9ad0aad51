#!/usr/bin/env bash
# Packaging smoke test: build the packages with CPack, check the .deb's control fields and
# file list, install it into a temporary root with `dpkg -x`, validate the installed desktop
# files, and run mlrig-cli (a PDF export of EXAMPLE_BUILD included) and mlrig from that root.
# Usage: deb_smoke.sh BUILD_DIR OUT_DIR VERSION APP_ID EXAMPLE_BUILD
# OUT_DIR receives mlrig_<version>_<arch>.deb and mlrig-<version>-Linux.tar.gz.
set -euo pipefail
build=$(realpath "$1") out=$(realpath -m "$2") version=$3 appid=$4 example=$(realpath "$5")

fail() { echo "deb_smoke: FAIL: $*" >&2; exit 1; }
say() { echo "deb_smoke: $*"; }

rm -rf "$out"
mkdir -p "$out"
if ! (cd "$build" && cpack -G "DEB;TGZ" -B "$out") >"$out/cpack.log" 2>&1; then
    cat "$out/cpack.log" >&2
    fail "cpack failed"
fi
rm -rf "$out/_CPack_Packages"
deb="$out/mlrig_${version}_$(dpkg --print-architecture).deb"
tgz="$out/mlrig-${version}-Linux.tar.gz"
[ -f "$deb" ] || fail "cpack wrote no $deb"
[ -f "$tgz" ] || fail "cpack wrote no $tgz"
say "built $(basename "$deb") ($(du -h "$deb" | cut -f1)) and $(basename "$tgz")"

# Control fields: identity, metadata, and dependencies found by dpkg-shlibdeps.
[ "$(dpkg-deb -f "$deb" Package)" = mlrig ] || fail "Package is not mlrig"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version is not $version"
for field in Section Maintainer Homepage Description; do
    [ -n "$(dpkg-deb -f "$deb" "$field")" ] || fail "control field $field is empty"
done
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libqt6svg6 fonts-dejavu-core; do
    grep -q "\\b$lib\\b" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
grep -q '\bfonts-noto-cjk\b' <<<"$(dpkg-deb -f "$deb" Recommends)" || fail "Recommends lacks fonts-noto-cjk"

# The file list.
listing=$(dpkg-deb -c "$deb" | awk '{print $NF}')
expected=(
    ./usr/bin/mlrig
    ./usr/bin/mlrig-cli
    ./usr/libexec/mlrig/mlrig-pdf-writer
    ./usr/share/mlrig/parts.sqlite
    "./usr/share/applications/$appid.desktop"
    "./usr/share/metainfo/$appid.metainfo.xml"
    "./usr/share/icons/hicolor/scalable/apps/$appid.svg"
    "./usr/share/mime/packages/$appid.xml"
    ./usr/share/man/man1/mlrig.1
    ./usr/share/man/man1/mlrig-cli.1
    ./usr/share/doc/mlrig/README.md
    ./usr/share/doc/mlrig/ATTRIBUTION.md
    ./usr/share/doc/mlrig/LICENSE
    ./usr/share/doc/mlrig/copyright
    ./usr/share/doc/mlrig/licenses/ODC-By-1.0.txt
    ./usr/share/doc/mlrig/licenses/pc-part-dataset-MIT.txt
)
for f in "${expected[@]}"; do
    grep -qxF "$f" <<<"$listing" || fail "the package lacks $f"
done
if grep -vE '^\./(usr/(bin|share|libexec/mlrig)/.*|usr/|usr/bin/|usr/share/|usr/libexec/)?$' <<<"$listing"; then
    fail "files outside /usr/bin, /usr/libexec/mlrig and /usr/share (above)"
fi

# Install into a temporary root.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
usr="$root/usr"

for bin in bin/mlrig bin/mlrig-cli libexec/mlrig/mlrig-pdf-writer; do
    file -b "$usr/$bin" | grep -q ', stripped' || fail "$bin is not stripped: $(file -b "$usr/$bin")"
    # Debian programs carry no RPATH; an empty entry in one would even search the current folder.
    if readelf -d "$usr/$bin" | grep -qE 'R(UN)?PATH'; then
        fail "$bin has a library search path: $(readelf -d "$usr/$bin" | grep -E 'R(UN)?PATH')"
    fi
done
# mlrig-cli itself links no Qt (it answers `fit` in milliseconds); the PDF writer does.
if objdump -p "$usr/bin/mlrig-cli" | grep -q 'NEEDED.*libQt6'; then
    fail "mlrig-cli links Qt: $(objdump -p "$usr/bin/mlrig-cli" | grep 'NEEDED.*libQt6' | tr -s ' ' | tr '\n' ' ')"
fi

# Desktop integration files as installed.
desktop-file-validate "$usr/share/applications/$appid.desktop" || fail "desktop-file-validate"
# validate-tree also checks that the metainfo's launchable desktop entry is installed.
appstreamcli validate-tree --no-net "$root" >/dev/null \
    || fail "appstreamcli validate-tree: $(appstreamcli validate-tree --no-net "$root")"
exec_bin=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$usr/share/applications/$appid.desktop")
[ -x "$usr/bin/$exec_bin" ] || fail "Exec=$exec_bin is not in /usr/bin"
icon=$(sed -n 's/^Icon=//p' "$usr/share/applications/$appid.desktop")
[ -f "$usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "Icon=$icon has no scalable icon"
grep -q "<release version=\"$version\"" "$usr/share/metainfo/$appid.metainfo.xml" \
    || fail "metainfo has no release $version"
mkdir -p "$root/mime/packages"
cp "$usr/share/mime/packages/$appid.xml" "$root/mime/packages/"
update-mime-database "$root/mime" >/dev/null 2>&1 || fail "update-mime-database"
grep -q '^50:application/x-mlrig:\*\.mlrig$' "$root/mime/globs2" || fail "no *.mlrig glob"

# mlrig-cli from the installed root, on the built-in catalog and on the installed file.
cli="$usr/bin/mlrig-cli"
[ "$("$cli" --version)" = "mlrig-cli $version" ] || fail "mlrig-cli --version: $("$cli" --version)"
stats=$("$cli" catalog stats) || fail "mlrig-cli catalog stats exited $?"
echo "$stats"
for category in cpu motherboard memory gpu psu case cooler storage gpu-models priced; do
    count=$(awk -v c="$category" '$1 == c {print $2}' <<<"$stats")
    [ -n "$count" ] && [ "$count" -gt 0 ] || fail "catalog stats: no $category count"
done
total=$(awk '$1 ~ /^(cpu|motherboard|memory|gpu|psu|case|cooler|storage)$/ {n += $2} END {print n}' <<<"$stats")
[ "$total" -gt 1000 ] || fail "catalog stats: only $total parts"
grep -q '^schema version [0-9]' <<<"$stats" || fail "catalog stats: no schema version"
file_stats=$("$cli" --catalog "$usr/share/mlrig/parts.sqlite" catalog stats) \
    || fail "mlrig-cli --catalog /usr/share/mlrig/parts.sqlite catalog stats"
[ "$file_stats" = "$stats" ] || fail "the installed parts.sqlite differs from the built-in catalog"
"$cli" catalog search "rtx 4090" --category gpu --limit 3 | grep -qi 'rtx 4090' \
    || fail "mlrig-cli catalog search found no RTX 4090"
# The PDF export: the installed mlrig-cli finds /usr/libexec/mlrig/mlrig-pdf-writer beside it.
HOME="$root/home" XDG_DATA_HOME="$root/home/data" XDG_CONFIG_HOME="$root/home/config" \
    "$cli" export "$example" --to "$root/report.pdf" || fail "mlrig-cli export --to report.pdf exited $?"
[ "$(head -c 5 "$root/report.pdf")" = "%PDF-" ] || fail "mlrig-cli export wrote no PDF"

# The desktop app from the installed root starts, shows its window and exits (offscreen).
[ "$(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$root" "$usr/bin/mlrig" --version)" = "mlrig $version" ] || fail "mlrig --version"
mkdir -m 700 "$root/run"
HOME="$root/home" XDG_DATA_HOME="$root/home/data" XDG_CONFIG_HOME="$root/home/config" XDG_RUNTIME_DIR="$root/run" \
    QT_QPA_PLATFORM=offscreen MLRIG_EXIT_AFTER_START=1 timeout 60 "$usr/bin/mlrig" --timing \
    || fail "mlrig from the package did not start and quit cleanly"

say "OK: $(grep -c . <<<"$listing") entries; mlrig-cli and mlrig run from the installed root"
