# Deal exports as HubSpot and Pipedrive write them are read without naming
# a column: HubSpot's "Deal ID", "Create Date", "Close Date" beside "Deal
# owner" and "Pipeline" (taken for nothing), and Pipedrive's "Deal - "
# prefixed "Deal created" and "Deal closed on" ("Won time" and "Lost time"
# are each empty for the other outcome, so never the close date).  -v shows
# the columns chosen.  By hand: won deals H1 2024-01-02 -> 01-12 (10 days),
# P1 2024-02-01 -> 02-05 (4), P3 2024-03-01 -> 03-21 (20): n 3, mean 11.33,
# sd sqrt((1.33^2 + 7.33^2 + 8.67^2) / 2) = 8.08; type-7 quantiles of
# 4, 10, 20: p25 7, median 10, p75 15, p90 18.
printf '%s\n' 'Deal ID,Deal Name,Deal owner,Pipeline,Deal Stage,Create Date,Close Date,Amount' \
	'H1,Acme,Ann,Sales Pipeline,Closed Won,2024-01-02,2024-01-12,100' \
	'H2,Beta,Bob,Sales Pipeline,Closed Lost,2024-01-05,2024-01-20,200' \
	'H3,Gamma,Ann,Sales Pipeline,Appointment Scheduled,2024-01-07,,300' >hubspot.csv
printf '%s\n' 'Deal - ID,Deal - Title,Deal - Owner,Deal - Pipeline,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Deal closed on,Deal - Won time,Deal - Lost time' \
	'P1,Delta,Cy,Default,Negotiations Started,won,2024-02-01 09:00:00,2024-02-05 09:00:00,2024-02-05 09:00:00,' \
	'P2,Eps,Cy,Default,Proposal Made,lost,2024-02-03 10:00:00,2024-02-10 10:00:00,,2024-02-10 10:00:00' \
	'P3,Zeta,Di,Default,Negotiations Started,won,2024-03-01 08:00:00,2024-03-21 08:00:00,2024-03-21 08:00:00,' >pipedrive.csv
funnel-cycle -v hubspot.csv pipedrive.csv
