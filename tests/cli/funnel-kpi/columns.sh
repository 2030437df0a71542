# Columns named by option, by header name (matched ignoring case: WORTH)
# or 1-based number, when the header names none that funnel-kpi knows; a
# name that is no header is a usage error (64) listing the headers; -v
# reports the columns chosen. Deals: r1 won 01-01..01-31 = 30 days, 1,000;
# r2 lost; r3 open, 400:
#   x (r1 r2): deals 2, open 0, won 1, lost 1, win_rate 0.5000, conversion
#     0.5000, cycle 30.00, pipeline of no open deal 0.00, weighted 0.00,
#     avg won 1000.00, velocity 0 x ... = 0.00
#   y (r3): open 1: win_rate 0/0 undefined, conversion 0.0000, no cycle,
#     pipeline 400.00, weighted at y's undefined win rate: undefined, avg
#     won and velocity undefined
#   all: deals 3, open 1, won 1, lost 1, win_rate 1/2 = 0.5000, conversion
#     1/3 = 0.3333, 30.00, pipeline 400.00, weighted 400 x 0.5 = 200.00,
#     avg won 1000.00, velocity 1 x 1,000 x 0.5 / 30 = 16.67
printf '%s\n' ref,phase,opened,shut,worth,team r1,Won,2025-01-01,2025-01-31,1000,x \
	r2,Lost,2025-01-02,2025-01-10,,x r3,Pitch,2025-01-03,,400,y >deals.csv
funnel-kpi -k ref -s 2 -c opened -C close-date -a WORTH deals.csv
echo "exit $?"
funnel-kpi -v -k ref -s 2 -c opened -C Shut -a WORTH -b 6 deals.csv
