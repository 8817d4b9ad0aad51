#!/usr/bin/env bash
# Installs the Debian 12 packages mlrig needs, on a bare Debian 12 system too (a debootstrap root
# has no compiler, no fonts and no X libraries). Idempotent: does nothing when everything is
# present; otherwise one `apt-get update` and one install.
#
#   scripts/install-deps.sh          everything: build, run, every test suite, fuzzers, packaging
#   scripts/install-deps.sh app      only what building and running the app needs (./run.sh)
set -euo pipefail

# Building and running the app and mlrig-cli.
app_packages=(
    build-essential cmake ninja-build pkg-config git ccache
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev libqt6sql6-sqlite qt6-svg-dev libqt6svg6
    qt6-l10n-tools qt6-tools-dev-tools libgl-dev
    # Qt's own translations (qtbase_de.qm): standard buttons such as "Abbrechen" in the German UI.
    qt6-translations-l10n
    libsqlite3-dev libsqlitecpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev
    # Fonts the PDF report draws with: DejaVu for Latin, Greek and Cyrillic, Noto Sans CJK for
    # Chinese, Japanese and Korean part names (a bare system has neither, and a PDF would lose
    # those characters; the report's tests check both).
    fonts-dejavu-core fonts-noto-cjk
)
# The test suites (GoogleTest, Google Benchmark, clang's libFuzzer and sanitizer runtimes),
# screenshots and PDF checks, and the packaging validators and .deb smoke test.
test_packages=(
    libgtest-dev libgmock-dev libbenchmark-dev
    clang libclang-rt-14-dev
    xvfb xauth imagemagick poppler-utils
    desktop-file-utils appstream libxml2-utils groff-base shared-mime-info dpkg-dev file
)

case "${1:-all}" in
    app) packages=("${app_packages[@]}") ;;
    all) packages=("${app_packages[@]}" "${test_packages[@]}") ;;
    *) echo "usage: $0 [app|all]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
