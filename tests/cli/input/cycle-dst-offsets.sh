# Times with UTC offsets across the European DST changes are instants
# (funnel-cycle(1) Days: both with a time -> difference of the instants):
# a 2025-03-29T12:00+01:00 -> 03-30T12:00+02:00 = 23 h = 0.9583 days,
# b 2025-10-25T12:00+02:00 -> 10-26T12:00+01:00 = 25 h = 1.0417 days.
# Mean 1.00; sample sd sqrt(2 x (1/24)^2) = 0.0589 -> 0.06; type-7
# p25 23/24 + 0.25 x 2/24 = 0.979 -> 0.98, p75 1.021 -> 1.02,
# p90 0.9583 + 0.075 = 1.033 -> 1.03. TZ never changes a result: the same
# under TZ=America/Los_Angeles.
printf '%s\n' id,created_at,close_date,stage a,2025-03-29T12:00:00+01:00,2025-03-30T12:00:00+02:00,Won \
	b,2025-10-25T12:00+02:00,2025-10-26T12:00+01:00,Won >deals.csv
funnel-cycle deals.csv
TZ=America/Los_Angeles funnel-cycle deals.csv
