# A --probabilities file that is not a list of lines is refused with an
# error naming the file and line (funnel-kpi(1): a NUL byte, or a line
# longer than 1 MiB, 1,048,576 bytes without its line end): 65, instead
# of buffering an endless line (/dev/zero) until memory runs out.
# 1. 3 MiB of NUL bytes: line 1, without reading on: the writer cannot
#    finish 3 MiB into a 64 KiB pipe ("all written" is never printed).
{ head -c 3M /dev/zero 2>/dev/null && echo "all written" >&2; } |
funnel-kpi --stages Lead --probabilities /dev/stdin data/kpi/deals.csv
echo "exit $?"
# 2. A header, a comment, a stage, then 3 MiB of 'x' with no line break:
#    line 4.
{ printf 'stage,probability\n# weights\nLead,0.1\n'; head -c 3M /dev/zero | tr '\0' x; } >long.csv
funnel-kpi --stages Lead --probabilities long.csv data/kpi/deals.csv
echo "exit $?"
