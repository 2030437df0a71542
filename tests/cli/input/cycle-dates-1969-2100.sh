# Dates before 1970 and after 2100 are ordinary dates (years 0001-9999).
# a 1969-12-21..1970-01-10 = 11 + 9 = 20 days; b 2099-12-25..2100-03-01 =
# 7 + 31 + 28 (2100 is no leap year) = 66: mean 43, sample sd sqrt(1058) =
# 32.53, type-7 p25 20 + 0.25 x 46 = 31.50, p75 54.50, p90 61.40.
# 1969-12-31T23:59:59 (-1 in epoch seconds) is a valid instant, not an
# error value: to 1970-01-01T12:00:00 is 43,201 s = 0.50 days.
# 2100-02-29 does not exist: 65.
printf '%s\n' id,created_at,close_date,stage a,1969-12-21,1970-01-10,Won b,2099-12-25,2100-03-01,Won | funnel-cycle
printf '%s\n' id,created_at,close_date,stage c,1969-12-31T23:59:59,1970-01-01T12:00:00,Won | funnel-cycle
printf '%s\n' id,created_at,close_date,stage d,2100-02-01,2100-02-29,Won | funnel-cycle
echo "exit $?"
