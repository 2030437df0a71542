# A --stages-file that is not a list of lines (/dev/zero, a binary or
# UTF-16 file, a file of one endless line) is refused with an error naming
# the file and line (funnel-stages(1): a NUL byte, or a line longer than
# 1 MiB, 1,048,576 bytes without its line end): 65, not memory running
# out nor a silently shorter list.
printf '%s\n' deal_id,stage 1,Lead 2,Won >deals.csv
# 1. 3 MiB of NUL bytes: line 1, without reading on: the writer cannot
#    finish 3 MiB into a 64 KiB pipe ("all written" is never printed).
{ head -c 3M /dev/zero 2>/dev/null && echo "all written" >&2; } |
funnel-stages --stages-file /dev/stdin deals.csv
echo "exit $?"
# 2. Notepad's "Unicode" (UTF-16LE with its byte order mark): a NUL on
#    line 1, after "L".
printf 'Lead\r\nWon\r\n' | iconv -f UTF-8 -t UTF-16 >u16.txt
funnel-stages --stages-file u16.txt deals.csv
echo "exit $?"
# 3. Two stages, then 3 MiB of 'x' with no line break: line 3.
{ printf 'Lead\nWon\n'; head -c 3M /dev/zero | tr '\0' x; } >long.txt
funnel-stages --stages-file long.txt deals.csv
echo "exit $?"
# 4. Within the limit: a comment line of 1,048,576 bytes ('#' and 'x'),
#    then Lead and Won: read, deal 1 at Lead, deal 2 at Won (reached
#    2 and 1).
{ printf '#'; head -c 1048575 /dev/zero | tr '\0' x; printf '\nLead\nWon\n'; } >ok.txt
funnel-stages --stages-file ok.txt deals.csv | cut -d, -f1-2
