#!/bin/bash
# Builds what device-bench.py needs on a GPU machine with no Node and no browser, in the ignored
# .gpu-carry/ at the repository root (see README.md next to this file):
#   parts/a/lqchrome.tar.xz.00, parts/b/lqchrome.tar.xz.01 (+ parts/b/SHA256SUMS): a portable
#   Chromium (this machine's Debian Chromium, its shared libraries outside glibc's core, fonts);
#   site/…: copies of the ignored build outputs the bench pages load, at their repository paths.
# Usage (repo root): apps/bench/gpu/build-carry.sh        everything (≈ 15 min of xz on a busy 2-core machine)
#                    apps/bench/gpu/build-carry.sh site   only refresh site/ (after `pnpm build`)
#                    apps/bench/gpu/build-carry.sh split  re-split an existing $WORK/lqchrome.tar.xz
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
carry=$repo/.gpu-carry
work=${WORK:-/tmp/gc}
src=/usr/lib/chromium
libdir=/usr/lib/x86_64-linux-gnu

site() {
  rm -rf "$carry/site"
  local core=packages/core/dist lq=packages/lossquake/dist/lossquake.js
  local plotly=apps/bench/node_modules/plotly.js-dist-min/plotly.min.js
  for f in "$repo/$lq" "$repo/$plotly" "$repo/$core/index.js"; do
    [ -f "$f" ] || { echo "missing $f: run pnpm build / pnpm install first" >&2; exit 1; }
  done
  mkdir -p "$carry/site/$(dirname $lq)" "$carry/site/$(dirname $plotly)"
  cp "$repo/$lq" "$carry/site/$lq"
  cp "$repo/$plotly" "$carry/site/$plotly"
  # core's dist is ES modules importing each other: every .js, no maps or typings.
  (cd "$repo" && find "$core" -name '*.js' -print0 | xargs -0 cp --parents -t "$carry/site")
  echo "site: $(find "$carry/site" -type f | wc -l) files, $(du -sh "$carry/site" | cut -f1)"
}

split_parts() {
  local out=$work/lqchrome.tar.xz
  rm -rf "$carry/parts" && mkdir -p "$carry/parts/a" "$carry/parts/b"
  split -b 57M -d -a 2 "$out" "$carry/parts/a/lqchrome.tar.xz."
  for f in "$carry/parts/a"/lqchrome.tar.xz.*; do
    case $f in *.00) ;; *) mv "$f" "$carry/parts/b/" ;; esac
  done
  (cd "$work" && sha256sum lqchrome.tar.xz) >"$carry/parts/b/SHA256SUMS"
  ls -l "$carry/parts"/*/
}

case ${1:-} in
  site) site; exit 0 ;;
  split) split_parts; site; exit 0 ;;  # re-split $WORK/lqchrome.tar.xz, refresh site/
esac

# glibc's core stays behind (the target's glibc is newer and must match its own loader).
core_re='^(libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|libresolv\.so\.2|ld-linux-x86-64\.so\.2|libutil\.so\.1|libanl\.so\.1|libmvec\.so\.1|linux-vdso\.so\.1)$'
# C++ runtime: carried apart (compat/), used only where the target has none of its own, since
# the target's (newer) one is a superset and its driver libraries may need the newer symbols.
compat_re='^(libstdc\+\+\.so\.6|libgcc_s\.so\.1)$'

stage=$work/stage/lqchrome
rm -rf "$work/stage" && mkdir -p "$stage"/{chrome/locales,lib,compat,fonts}
cp -a "$src"/{chromium,chrome_crashpad_handler,chrome_100_percent.pak,chrome_200_percent.pak,resources.pak,icudtl.dat,snapshot_blob.bin,v8_context_snapshot.bin,libEGL.so,libGLESv2.so,libvulkan.so.1,libvk_swiftshader.so,vk_swiftshader_icd.json} "$stage/chrome/"
cp -a "$src/locales/en-US.pak" "$stage/chrome/locales/"

# What ldd resolves, plus what Chromium dlopens: NSS's modules (softokn/freebl: NSS init), glvnd's
# libEGL/libGLdispatch (ANGLE's gl-egl backend loads libEGL.so.1, which loads the vendor's EGL).
extra=("$libdir"/{libsoftokn3.so,libfreebl3.so,libfreeblpriv3.so,libnssckbi.so,libnssdbm3.so,libssl3.so,libEGL.so.1,libGLdispatch.so.0})
declare -A seen
for obj in "$src"/{chromium,chrome_crashpad_handler,libvulkan.so.1,libvk_swiftshader.so,libEGL.so,libGLESv2.so} "${extra[@]}"; do
  case $obj in "$libdir"/*) n=$(basename "$obj"); seen[$n]=$obj ;; esac
  while read -r name arrow path _; do
    [ "$arrow" = "=>" ] || continue
    [ "$path" = "not" ] && { echo "ldd: $name not found for $obj" >&2; exit 1; }
    seen[$name]=$path
  done < <(ldd "$obj" 2>/dev/null)
done
for name in "${!seen[@]}"; do
  if [[ $name =~ $core_re ]]; then continue; fi
  if [[ $name =~ $compat_re ]]; then dest=compat; else dest=lib; fi
  cp -L "${seen[$name]}" "$stage/$dest/$name"
done

cp /usr/share/fonts/truetype/dejavu/DejaVuSans{,-Bold}.ttf \
  /usr/share/fonts/truetype/liberation/LiberationSans-{Regular,Bold}.ttf "$stage/fonts/"
cat >"$stage/fonts/fonts.conf" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<!-- Only the carried fonts; device-bench.py sets FONTCONFIG_FILE to this file. -->
<fontconfig>
  <dir prefix="relative">.</dir>
  <cachedir>/tmp/lqchrome-fontcache</cachedir>
  <alias><family>sans-serif</family><prefer><family>DejaVu Sans</family><family>Liberation Sans</family></prefer></alias>
  <alias><family>system-ui</family><prefer><family>DejaVu Sans</family></prefer></alias>
  <alias><family>Arial</family><prefer><family>Liberation Sans</family></prefer></alias>
  <alias><family>Helvetica</family><prefer><family>Liberation Sans</family></prefer></alias>
</fontconfig>
EOF

# Newest glibc symbol version anything carried needs: the target's glibc must be at least this.
need=$(find "$stage" -type f \( -name '*.so*' -o -name chromium -o -name chrome_crashpad_handler \) \
  -exec objdump -T {} + 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
echo "$need" >"$stage/GLIBC_NEEDED"
/usr/lib/chromium/chromium --version >"$stage/VERSION"
echo "staged: $(du -sh "$stage" | cut -f1), $(ls "$stage/lib" | wc -l) libs, needs $need"

# One xz stream (x86 BCJ filter: the archive is mostly machine code; one thread with a 384 MiB
# window: 2 MiB smaller than -T2's two 192 MiB blocks, for twice the time), split in two parts
# sized so that each call carries about the same (part b travels with site/, about 5 MiB).
out=$work/lqchrome.tar.xz
tar -C "$work/stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf - lqchrome |
  nice -n 10 xz --x86 --lzma2=preset=9e,dict=384MiB -T1 >"$out.tmp"
mv "$out.tmp" "$out"
split_parts
site
