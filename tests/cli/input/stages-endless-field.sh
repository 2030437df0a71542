# A field that never ends (a quote that never closes in a big export, or a
# file of one endless line) is refused once it is longer than 16 MiB
# (funnel-input(7)), naming the line the field starts on: 65, not memory
# running out. The writers offer 40 MiB; the command stops reading at
# 16 MiB and a chunk (1 MiB), so no writer can finish ("all written" is
# never printed).
# 1. A quote that opens on line 2 and never closes: 100-byte lines of x.
{ printf 'deal_id,stage,note\n1,Lead,"'
  head -c 40M /dev/zero 2>/dev/null | tr '\0' x 2>/dev/null |
	fold -w 100 2>/dev/null && echo "all written" >&2; } |
funnel-stages --stages Lead,Won
echo "exit $?"
# 2. An unquoted field with no line break after it, starting on line 3.
{ printf 'deal_id,stage\n1,Lead\n2,'
  head -c 40M /dev/zero 2>/dev/null | tr '\0' x 2>/dev/null &&
	echo "all written" >&2; } |
funnel-stages --stages Lead,Won
echo "exit $?"
