#!/bin/sh
# check-internal.sh SRC_LIBFUNNEL CC... - every internal header of the
# library compiles on its own (it includes what it uses), with every
# folder of the library on the include path, as the library builds.
set -u
src=$1
shift
inc=$(find "$src" -type d | sed 's/^/-I/')
status=0
for h in $(cd "$src" && find . -name '*.h' ! -name funnel.h | sort); do
	if ! echo "#include \"$(basename "$h")\"" |
		"$@" -std=gnu11 -Wall -Wextra -Werror -D_GNU_SOURCE $inc \
			-fsyntax-only -x c - ; then
		echo "$h does not compile alone"
		status=1
	fi
done
exit $status
