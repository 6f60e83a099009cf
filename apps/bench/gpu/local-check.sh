#!/bin/bash
# Rehearses the two device calls here, hermetically, running the commands and carry lists exactly
# as README.md (next to this file) gives them. Each call gets a fresh copy of the working tree in
# $SIM plus its carry, as the device does (so .gpu-keep/ from call 1 is gone by call 2, and only
# /tmp/gpu-keep/ survives); call 2 runs inside a mount namespace where /usr/lib/x86_64-linux-gnu
# holds only glibc and what python3/sh/tar/xz need, and /usr/lib/chromium, /usr/share/fonts,
# /etc/fonts are empty. Then checks that Chromium mapped nothing from outside the carry but glibc's
# core. Usage (repo root): apps/bench/gpu/local-check.sh [device-bench.py options]
# (default: --modes swiftshader --allow-software --force-compat --quick, about 1.5 min).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
sim=${SIM:-/tmp/gc/sim}
py=${PY:-/root/.pyenv/versions/3.12.1/bin/python3}
out=${OUT_DIR:-/tmp/gc/sim-out}
opts=("$@")
[ ${#opts[@]} -gt 0 ] || opts=(--modes swiftshader --allow-software --force-compat --quick)

# README.md's section "## Call N": its `carry: [...]` line and its first ```sh block.
section() { awk -v n="$1" '$0 ~ "^## Call " n "[:,]" {f = 1; next} f && /^## / {exit} f' "$here/README.md"; }
carry_of() { section "$1" | sed -n 's/^carry: `\(.*\)`$/\1/p' | head -1; }
command_of() { section "$1" | awk '/^```sh$/ {f = 1; next} f && /^```$/ {exit} f'; }
CARRY1=$(carry_of 1) CALL1=$(command_of 1) CARRY2=$(carry_of 2) CALL2=$(command_of 2)
for v in CARRY1 CALL1 CARRY2 CALL2; do
  [ -n "${!v}" ] || { echo "FAIL: no $v in $here/README.md" >&2; exit 1; }
done

# A device call: the working tree (what git does not ignore) plus the carried paths, nothing else.
fresh_tree() {
  rm -rf "$sim" && mkdir -p "$sim"
  (cd "$repo" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$sim" 2>/dev/null || true)
  local path
  for path in $(printf '%s' "$1" | tr -d '[]",'); do
    mkdir -p "$sim/$(dirname "$path")" && cp -r "$repo/$path" "$sim/$path"
  done
}

rm -rf "$out" /tmp/gpu-keep /tmp/lqchrome-root && mkdir -p "$out"
echo "== call 1 (carry $CARRY1)"
fresh_tree "$CARRY1"
echo "working tree + carry: $(du -sh --apparent-size "$sim" | cut -f1)"
(cd "$sim" && OUT=$out bash -c "$CALL1")

echo "== call 2 (carry $CARRY2)"
fresh_tree "$CARRY2"
echo "working tree + carry: $(du -sh --apparent-size "$sim" | cut -f1)"

# The hermetic library folder: glibc (libc6's files) + what the tools around the bench need.
fake=/tmp/gc/fakelib empty=/tmp/gc/empty bin=/tmp/gc/simbin
rm -rf "$fake" "$empty" "$bin" && mkdir -p "$fake" "$empty" "$bin"
dpkg -L libc6 | sed -n 's,^\(/usr\)\?/lib/x86_64-linux-gnu/,,p' | while read -r f; do
  src=/usr/lib/x86_64-linux-gnu/$f
  if [ -n "$f" ] && { [ -f "$src" ] || [ -L "$src" ]; }; then
    mkdir -p "$fake/$(dirname "$f")" && cp -a "$src" "$fake/$f"
  fi
done
tools=(bash dash ls head grep tar xz tee timeout mkdir mv cat sort rm env mount)
dynload=$(dirname "$py")/../lib/python3.12/lib-dynload
for obj in "${tools[@]/#//usr/bin/}" "$py" "$dynload"/{_hashlib,_lzma,_bz2,pyexpat,zlib,_ssl,_socket,select}.*.so; do
  ldd "$obj" 2>/dev/null | awk '/=> \// {print $3}' | while read -r lib; do
    case $lib in /usr/lib/x86_64-linux-gnu/* | /lib/x86_64-linux-gnu/*) cp -n "$lib" "$fake/" ;; esac
  done
done
ln -s "$py" "$bin/python3"
echo "hermetic libs: $(ls "$fake" | wc -l) files (glibc + tools)"

printf '%s\n' "$CALL2" >/tmp/gc/call2.sh
unshare -m bash -c "
  mount --bind '$fake' /usr/lib/x86_64-linux-gnu
  mount --bind '$empty' /usr/lib/chromium
  mount --bind '$empty' /usr/share/fonts
  mount --bind '$empty' /etc/fonts
  cd '$sim' && OUT='$out' PATH='$bin':/usr/bin:/bin LQ_ARGS='${opts[*]}' bash /tmp/gc/call2.sh
"

echo "== checks"
grep -q '^mapped from outside the carry' "$out/diag.txt" || { echo "FAIL: no browser was kept (see $out)"; exit 1; }
glibc_re='/(libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|libresolv\.so\.2|ld-linux-x86-64\.so\.2|libnss_[a-z]+\.so\.2|libmvec\.so\.1|libutil\.so\.1|libanl\.so\.1)$'
bad=$(grep -h '^mapped from outside the carry' "$out/diag.txt" | cut -d: -f2- | tr ' ' '\n' | grep . |
  grep -vE "$glibc_re" | grep -v '^nothing$' | sort -u || true)
if [ -n "$bad" ]; then echo "FAIL: Chromium mapped from outside the carry: $bad"; exit 1; fi
echo "ok: Chromium mapped nothing from outside the carry but glibc's core"
grep -q '^| ' "$out/report.md" || { echo "FAIL: report.md has no tables (see $out)"; exit 1; }
echo "ok: report.md has $(grep -c '^## ' "$out/report.md") sections of tables"
ls -l "$out"
