# A header line that never ends (a cron job given /dev/zero, or a file cut
# off before its first line break) is refused, not buffered until memory
# runs out. funnel-input(7): a NUL byte in the header is an error at the
# first NUL, and a header longer than 1 MiB (1,048,576 bytes, its line end
# not counted) is an error naming its line: 65 each.
# 1. 3 MiB of NUL bytes on a pipe: refused at the first one, line 1. The
#    command stops after its first read (1 MiB); so the writer, with 2 MiB
#    left and a pipe buffer of 64 KiB, cannot finish ("all written" is
#    never printed).
{ head -c 3M /dev/zero 2>/dev/null && echo "all written" >&2; } | funnel-kpi
echo "exit $?"
# 2. The same bytes in a file.
head -c 3M /dev/zero >zeros.bin
funnel-kpi zeros.bin
echo "exit $?"
# 3. 3 MiB of 'x' and no line break: too long, line 1; after two blank
#    lines, line 3 (the header is the first line that is not blank).
head -c 3M /dev/zero | tr '\0' x | funnel-kpi
echo "exit $?"
{ printf '\n\r\n'; head -c 3M /dev/zero | tr '\0' x; } | funnel-kpi
echo "exit $?"
# 4. Many short fields ("x," 1.5 million times) are too long alike.
head -c 3M /dev/zero | tr '\0' x | sed 's/xx/x,/g' | funnel-kpi
echo "exit $?"
# 5. Just within the limit: a header of 1,048,576 bytes, id and a long
#    unused column name, then CRLF, which is not counted. It is read: no
#    stage or status column is the usual usage error (64).
{ printf 'id,'; head -c 1048573 /dev/zero | tr '\0' x; printf '\r\n'; } >wide.csv
funnel-kpi wide.csv 2>err.txt
echo "exit $?"
cut -c1-80 err.txt
