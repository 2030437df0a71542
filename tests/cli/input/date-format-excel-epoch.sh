# --date-format excel reads spreadsheet serial day numbers (an export saved
# from a spreadsheet with its date cells as numbers), epoch Unix seconds.
# Python's datetime(1899,12,30) + timedelta(days=v): 45000 is 2023-03-15,
# 45010 2023-03-25 (a 10 days), 45000.5 2023-03-15 12:00 and 45001.25
# 2023-03-16 06:00 (b 0.75), 45292.6458333333 2024-01-01 15:30 to the
# second and 45293 2024-01-02, a date alone (c 1 calendar day): mean 3.92.
# Epoch: datetime.fromtimestamp(v, timezone.utc): X Lead 1700000000
# (2023-11-14 22:13:20), Qualified 1700086400.5 (a day and half a second
# later), 1.00 days; Y Lead 1699920000 (2023-11-14 00:00, a date alone).
# 60 (Excel's 29 February 1900) and milliseconds are refused, naming why.
printf '%s\n' id,created_at,close_date,stage a,45000,45010,Won b,45000.5,45001.25,Won \
	c,45292.6458333333,45293,Won >excel.csv
funnel-cycle --date-format excel excel.csv | cut -d, -f1-2
printf '%s\n' deal_id,stage,entered_at X,Lead,1700000000 X,Qualified,1700086400.5 \
	Y,Lead,1699920000 >epoch.csv
funnel-stages --date-format epoch --stages Lead,Qualified,Won epoch.csv | cut -d, -f1-3,7-8
printf '%s\n' id,created_at,close_date,stage a,60,45010,Won | funnel-cycle --date-format excel
echo "exit $?"
printf '%s\n' deal_id,stage,entered_at X,Lead,1700000000000 | funnel-stages --date-format epoch -S Lead,Won
echo "exit $?"
