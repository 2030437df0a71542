# The window is absolute time: a change of UTC offset (DST) does not shift
# it. --within 23h, every mode (each deal is Lead then Qualified, so all
# four modes agree).
# A: 2025-03-30T01:30+01:00 -> 2025-03-31T01:30+02:00: 24 h on the wall
#    clock, 23 h absolute -> exactly at the limit: converts.
# B: the same one second later: 23 h 0 min 1 s -> does not.
# C: 2025-10-26T01:30+02:00 -> 2025-10-26T23:30+01:00: 23 h absolute
#    (22 h on the wall clock) -> converts.
# D: 2025-10-26T01:30+02:00 -> 2025-10-27T00:30+01:00: 23 h on the wall
#    clock, 24 h absolute -> does not.
# Lead 4, Qualified 2 (A, C). Days: 23/24 = 0.9583 twice -> 0.96.
printf '%s\n' 'deal,stage,entered_at' \
	'A,Lead,2025-03-30T01:30:00+01:00' 'A,Qualified,2025-03-31T01:30:00+02:00' \
	'B,Lead,2025-03-30T01:30:00+01:00' 'B,Qualified,2025-03-31T01:30:01+02:00' \
	'C,Lead,2025-10-26T01:30:00+02:00' 'C,Qualified,2025-10-26T23:30:00+01:00' \
	'D,Lead,2025-10-26T01:30:00+02:00' 'D,Qualified,2025-10-27T00:30:00+01:00' >in.csv
for mode in furthest entered ordered strict; do
	echo "== $mode"
	funnel-stages --mode $mode --within 23h --stages Lead,Qualified in.csv
done
