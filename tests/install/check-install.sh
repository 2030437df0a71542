#!/bin/sh
# meson install puts everything in place: installed into a DESTDIR, the
# commands, library, header, pkg-config file, man pages and bash and zsh
# completions are there,
# and examples/embed.c builds against the installed pkg-config file and
# prints what the build tree's embed prints.
#   check-install.sh BUILD_DIR SOURCE_DIR CC...
set -eu
build=$1 src=$2
shift 2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >/dev/null
prefix=$(meson introspect "$build" --buildoptions |
	python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
libdir=$(meson introspect "$build" --buildoptions |
	python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "libdir"))')
case $libdir in /*) ;; *) libdir=$prefix/$libdir ;; esac
missing=0
for f in bin/funnel-stages bin/funnel-retention bin/funnel-cycle \
	bin/funnel-kpi bin/funnel-score bin/funnel-segment bin/funnel-visits \
	include/funnel.h share/man/man1/funnel-stages.1 \
	share/man/man1/funnel-visits.1 share/man/man3/libfunnel.3 \
	share/man/man7/funnel-input.7 \
	share/bash-completion/completions/funnel-stages \
	share/zsh/site-functions/_funnel-visits; do
	[ -e "$dest$prefix/$f" ] || { echo "not installed: $prefix/$f"; missing=1; }
done
for f in libfunnel.so libfunnel.so.0 pkgconfig/libfunnel.pc; do
	[ -e "$dest$libdir/$f" ] || { echo "not installed: $libdir/$f"; missing=1; }
done
[ $missing = 0 ] || exit 1
# The installed pkg-config file, its paths under DESTDIR.
flags=$(PKG_CONFIG_PATH="$dest$libdir/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest" \
	pkg-config --cflags --libs libfunnel)
"$@" "$src/examples/embed.c" $flags -o "$dest/embed"
LD_LIBRARY_PATH="$dest$libdir" "$dest/embed" "$src/examples/sales_pipeline.csv" >"$dest/installed.txt"
"$build/examples/embed" "$src/examples/sales_pipeline.csv" >"$dest/built.txt"
cmp "$dest/built.txt" "$dest/installed.txt"
LD_LIBRARY_PATH="$dest$libdir" "$dest$prefix/bin/funnel-stages" --version >/dev/null
echo "installed into a DESTDIR; embed.c built with pkg-config prints $(wc -l <"$dest/installed.txt") lines, as the build's"
