# With standard error closed (2>&- in a crontab), the warnings do not land
# in the --rejects file: before, the rejects file was given descriptor 2,
# the lowest free one, and stderr's "skipped 1 malformed record" was
# written into it between the rejected records. A command opens
# /dev/null on any of descriptors 0-2 that is closed, so that they are
# never a file of its own. Expected: the rejects file holds only the
# header and the record with an empty id (rejects.sh's rule), and the
# report is as with stderr open (hand count: 1 Lead).
printf '%s\n' 'deal_id,stage' '1,Lead' ',Lead' >in.csv
printf '%s\n' 'deal_id,stage' ',Lead' >want.csv
funnel-stages --rejects rej.csv --stages Lead in.csv 2>&-
echo "exit $?"
cmp want.csv rej.csv && echo 'rejects: only the rejected record'
# With standard output closed, the report cannot be written: 74 as
# before, and the report does not land in the rejects file either.
funnel-stages --rejects rej2.csv --stages Lead in.csv >&- 2>err.txt
echo "stdout closed: exit $?"
cat err.txt
cmp want.csv rej2.csv && echo 'rejects: only the rejected record'
