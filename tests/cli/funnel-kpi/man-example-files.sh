# funnel-kpi(1) EXAMPLES shows examples/kpi/crontab (its lines that are not
# comments) and examples/kpi/Makefile (from its first variable on) between
# ".\" Begin FILE" and ".\" End FILE" comments, with mdoc's escapes ("\&"
# before a leading ".", "\-" for "-", "\e" for "\"): the page must show
# the files as they are, byte for byte.
page=$SRC/man/funnel-kpi.1
shown() {
	awk -v b=".\\\\\" Begin $1" -v e=".\\\\\" End $1" '
		index($0, e) == 1 { inside = 0 }
		inside { print }
		index($0, b) == 1 { inside = 1 }' "$page" |
	sed -e "s/^\\\\&\\([.']\\)/\\1/" -e 's/\\-/-/g' -e 's/\\e/\\/g'
}
shown examples/kpi/crontab >crontab.shown
grep -v '^#' examples/kpi/crontab >crontab.file
cmp crontab.shown crontab.file && echo "crontab as shown"
shown examples/kpi/Makefile >Makefile.shown
sed -n '/^FUNNEL_KPI/,$p' examples/kpi/Makefile >Makefile.file
cmp Makefile.shown Makefile.file && echo "Makefile as shown"
wc -l <crontab.shown
wc -l <Makefile.shown
