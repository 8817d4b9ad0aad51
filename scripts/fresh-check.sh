#!/usr/bin/env bash
# The newcomer's path on a machine that has nothing: make a clean Debian 12 root with
# debootstrap, copy a clean clone of this repository's HEAD into it, and run the README's two
# set-up commands there exactly as the README writes them (the app offscreen, stopped after its
# first window). A package that only this machine has can no longer make a test pass.
#
#   scripts/fresh-check.sh [--only run|test] [--artifacts DIR] [--keep]
#
#   --only run    only the first README command (install, build, start the app)
#   --only test   only the second (the whole test suite); CI uses this
#   --artifacts DIR  copy the packages the test command built (build/ci/packages) to DIR
#   --keep        keep the root afterwards (its path is printed) to look around in
#
# Needs root (debootstrap, chroot, mount). Caches, outside the repository, in
# MLRIG_FRESH_CACHE (default /var/cache/mlrig-fresh-check):
#   base/      the untouched debootstrap root as a tar file (made once, unpacked for each run)
#   apt/       the .deb files apt downloads inside the root (bind-mounted as its apt cache)
#   ccache/    compiler cache (MLRIG_FRESH_CCACHE=0 turns it off)
# A cache only saves time: the root is always unpacked fresh, apt checks every package against
# the archive's signed lists, and ccache hashes every input. Delete the folder to start cold.
#
# The Debian archive is the one this machine's apt uses (first bookworm source in
# /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list), or MLRIG_DEBIAN_MIRROR.
set -euo pipefail

only=""
keep=0
artifacts=""
while [ $# -gt 0 ]; do
    case "$1" in
        --only) only=${2:-}; shift 2 ;;
        --keep) keep=1; shift ;;
        --artifacts) artifacts=${2:-}; [ -n "$artifacts" ] || { echo "fresh-check: --artifacts needs a folder" >&2; exit 2; }; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "fresh-check: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
case "$only" in ""|run|test) ;; *) echo "fresh-check: --only takes run or test" >&2; exit 2 ;; esac

say() { printf 'fresh-check: %s\n' "$*"; }
die() { printf 'fresh-check: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot and mount)"

repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse HEAD)
cache=${MLRIG_FRESH_CACHE:-/var/cache/mlrig-fresh-check}
suite=bookworm
arch=$(dpkg --print-architecture)
mkdir -p "$cache/base" "$cache/apt/partial" "$cache/ccache" "$cache/logs"
script_start=$SECONDS
stage_start=$SECONDS
stage() { say "$1: $((SECONDS - stage_start)) s"; stage_start=$SECONDS; }

# --- the archive -------------------------------------------------------------------------
mirror_from_host() {
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        # deb822 stanzas: the URIs of the first stanza whose Suites name the release.
        awk -v suite="$suite" '
            /^[[:space:]]*$/ { if (uris != "" && hit) { print uris; exit } uris = ""; hit = 0; next }
            /^URIs:/ { uris = $2 }
            /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) hit = 1 }
            END { if (uris != "" && hit) print uris }' "$f" | grep -v -- '-security' | head -n 1
    done | head -n 1
    if [ -f /etc/apt/sources.list ]; then
        awk -v suite="$suite" '$1 == "deb" && $3 == suite { print $2; exit }' /etc/apt/sources.list
    fi
    return 0
}
security_from_host() {
    cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ { print $2 }' | grep -- '-security' | head -n 1
}
mirror=${MLRIG_DEBIAN_MIRROR:-$(mirror_from_host | head -n 1 || true)}
[ -n "$mirror" ] || die "no Debian $suite archive in this machine's apt sources; set MLRIG_DEBIAN_MIRROR"
security=$(security_from_host || true)

if ! command -v debootstrap >/dev/null; then
    say "installing debootstrap"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null \
        || die "cannot install debootstrap from this machine's apt sources"
fi

# --- the base root (cached as a tar file) --------------------------------------------------
base_tar="$cache/base/debian-$suite-$arch-minbase.tar"
if [ ! -s "$base_tar" ]; then
    say "making the Debian $suite base root with debootstrap (cached afterwards in $base_tar)"
    tmp_base=$(mktemp -d "$cache/base/make.XXXXXX")
    if ! debootstrap --variant=minbase --arch="$arch" "$suite" "$tmp_base/root" "$mirror" >"$cache/logs/debootstrap.log" 2>&1; then
        # debootstrap mounts /proc and /sys inside the root while it works: unmount what it
        # left, and never delete through a mount.
        awk -v r="$tmp_base/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r | xargs -r -n1 umount -l
        reason=$(grep -E '^(E|W):' "$cache/logs/debootstrap.log" | tail -n 1)
        grep -q " $tmp_base/" /proc/mounts || rm -rf --one-file-system "$tmp_base"
        die "debootstrap could not make a Debian $suite root from the archive this machine uses: ${reason:-see $cache/logs/debootstrap.log}"
    fi
    tar -C "$tmp_base/root" -cf "$base_tar.partial" . && mv "$base_tar.partial" "$base_tar"
    rm -rf --one-file-system "$tmp_base"
    stage "debootstrap"
fi

# --- a fresh root for this run ---------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/var/tmp}/mlrig-fresh.XXXXXX")
root="$work/root"
mounted=()
unmount_all() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[$i]}" 2>/dev/null || umount -l "${mounted[$i]}" 2>/dev/null || true
    done
    mounted=()
}
cleanup() {
    local status=$?
    unmount_all
    if grep -q " $root/" /proc/mounts; then
        say "something is still mounted under $root; leaving it in place" >&2
    elif [ "$keep" -eq 1 ]; then
        say "kept the root: $root"
    else
        rm -rf --one-file-system "$work"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$root"
tar -C "$root" -xf "$base_tar"
{
    echo "deb $mirror $suite main"
    echo "deb $mirror $suite-updates main"
    [ -n "$security" ] && echo "deb $security $suite-security main"
} >"$root/etc/apt/sources.list"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
bind() {  # bind SRC DEST-inside-root
    mkdir -p "$root$2"
    mount --bind "$1" "$root$2"
    mounted+=("$root$2")
}
mount -t proc proc "$root/proc" && mounted+=("$root/proc")
mount -t sysfs sysfs "$root/sys" && mounted+=("$root/sys")
bind /dev /dev
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts" && mounted+=("$root/dev/pts")
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm" && mounted+=("$root/dev/shm")
bind "$cache/apt" /var/cache/apt/archives
ccache_env=()
if [ "${MLRIG_FRESH_CCACHE:-1}" != 0 ]; then
    bind "$cache/ccache" /var/cache/ccache
    ccache_env=(CCACHE_DIR=/var/cache/ccache)
fi

# A clean clone of HEAD, as a newcomer has it.
git clone --quiet --no-hardlinks "$repo" "$root/root/mlrig"
git -C "$root/root/mlrig" checkout --quiet --detach "$commit"
stage "fresh root with a clone of ${commit:0:12}"

# --- the README's two commands -----------------------------------------------------------
# The first ```sh block of the README holds them, one per line, before any comment.
mapfile -t commands < <(awk '/^```sh$/ { inside = 1; next } inside && /^```/ { exit } inside' "$repo/README.md" \
                        | sed 's/[[:space:]]*#.*$//' | sed '/^[[:space:]]*$/d')
[ ${#commands[@]} -eq 2 ] || die "the README's first sh block should hold exactly two commands, found ${#commands[@]}"
run_command=${commands[0]}
test_command=${commands[1]}

in_root() {  # in_root LOG ENV... -- COMMAND
    local log=$1; shift
    local envs=()
    while [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${ccache_env[@]}" "${envs[@]}" \
        /bin/bash -c "cd /root/mlrig && $*" </dev/null >"$log" 2>&1
}

# run_app LOG LIMIT LABEL: the first README command, offscreen, stopped after the first window;
# adds "LABEL: N s, first window shown: M ms" to the results.
run_app() {
    local log=$1 limit=$2 label=$3 t=$SECONDS shown
    if ! in_root "$log" QT_QPA_PLATFORM=offscreen MLRIG_EXIT_AFTER_START=1 -- "timeout $limit $run_command --timing"; then
        tail -n 40 "$log" >&2
        die "$label failed in the fresh root"
    fi
    shown=$(grep -o 'first window shown: [0-9]* ms' "$log" | tail -n 1)
    [ -n "$shown" ] || { tail -n 40 "$log" >&2; die "$label built, but the app never showed its window"; }
    result+=("$label: $((SECONDS - t)) s, $shown")
    stage "$label"
}

result=()
if [ "$only" != test ]; then
    log="$cache/logs/run.log"
    say "running '$run_command' (offscreen, stopped after the first window; log: $log)"
    run_app "$log" 3600 "'$run_command'"
    # Run it again, as a newcomer does the next day: nothing to install or build.
    run_app "$log.again" 600 "'$run_command' again"
fi
if [ "$only" != run ]; then
    log="$cache/logs/test.log"
    say "running '$test_command' (log: $log)"
    t=$SECONDS
    if ! in_root "$log" -- "timeout 5400 $test_command"; then
        grep -E 'tests passed|Failed|\*\*\*|FAILED' "$log" | tail -n 40 >&2 || tail -n 40 "$log" >&2
        die "'$test_command' failed in the fresh root"
    fi
    summary=$(grep -E '^[0-9]+% tests passed' "$log" | tail -n 1)
    skipped=$(grep -c '\*\*\*Skipped' "$log" || true)
    result+=("'$test_command': $((SECONDS - t)) s, $summary ($skipped skipped)")
    if [ -n "$artifacts" ]; then
        mkdir -p "$artifacts"
        cp -a "$root/root/mlrig/build/ci/packages/." "$artifacts/"
    fi
    # The runner's closing line, for CI's log readers.
    grep -E '^[0-9]+% tests passed' "$log" | tail -n 1 | sed 's/^/fresh root: /'
    stage "$test_command"
fi

say "passed in $((SECONDS - script_start)) s on a fresh Debian $suite root (commit ${commit:0:12}):"
for r in "${result[@]}"; do say "  $r"; done
