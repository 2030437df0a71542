# The rejects file is written like -o: through a temporary file beside it,
# renamed into place when the run ends well. A run that fails leaves the
# rejects file of the last good run as it was, consistent with that run's
# report (before, it was emptied at the start, then half written), and no
# temporary file. The failure: a second input that does not exist (66),
# after a first with a record to reject. Then the same run without the
# missing file: the rejects file holds a.csv's header and its bad record.
printf '%s\n' 'deal_id,stage' '1,Lead' ',Lead' >a.csv
echo 'rejects of the last good run' >rej.csv
funnel-stages --rejects rej.csv --stages Lead a.csv missing.csv
echo "exit $?"
cat rej.csv
ls
funnel-stages --rejects rej.csv --stages Lead a.csv >/dev/null
echo "exit $?"
cat rej.csv
