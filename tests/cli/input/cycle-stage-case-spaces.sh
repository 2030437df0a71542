# Stage labels differing from "Won" / "Closed Won" / "Closed Lost" only in
# ASCII case or surrounding blanks (kept by quoting) are those labels
# (funnel-cycle(1)): a "won" 10 days, b "Won " 20, c "CLOSED WON" 30 are
# won; d " closed lost" is lost and not measured by default (--outcome
# won). Cycles 10 20 30: mean 20, sd 10, p25 15, p75 25, p90 28.
printf '%s\n' id,created_at,close_date,stage a,2024-01-01,2024-01-11,won \
	'b,2024-01-01,2024-01-21,"Won "' 'c,2024-01-01,2024-01-31,CLOSED WON' \
	'd,2024-01-01,2024-01-05," closed lost"' | funnel-cycle
