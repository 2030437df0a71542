# The files read beside the visits have options of their own, and the
# messages about them name those options.
printf 'deal,customer,date,rep,outcome\nA,C1,2024-02-02,a,advance\n' >v.csv
# A history whose dates are all ambiguous: 65 naming --history-date-format.
printf 'deal_id,stage,entered_at\nA,Prospecting,01/02/2024\nA,Qualification,03/02/2024\n' >h.csv
funnel-visits --report conversion --history h.csv -S Prospecting,Qualification --within 7d v.csv
echo "exit $?"
# dmy: Prospecting 01 Feb, Qualification 03 Feb, 1 day after the visit of
# 02 Feb (at Prospecting): converted.  mdy: Prospecting 02 Jan,
# Qualification 02 Mar, 29 days on: not within 7d.
funnel-visits --report conversion --history h.csv --history-date-format dmy -S Prospecting,Qualification --within 7d v.csv
funnel-visits --report conversion --history h.csv --history-date-format mdy -S Prospecting,Qualification --within 7d v.csv
# A GBK history: 65 naming --history-encoding; with it, read (at 初步接洽
# 02-01, 需求确定 02-03: converted).
printf 'deal_id;stage;entered_at\nA;初步接洽;2024-02-01\nA;需求确定;2024-02-03\n' | iconv -f UTF-8 -t GBK >hgbk.csv
funnel-visits --report conversion --history hgbk.csv -S 初步接洽,需求确定 --within 7d v.csv
echo "exit $?"
funnel-visits --report conversion --history hgbk.csv --history-encoding GBK --history-delimiter ';' -S 初步接洽,需求确定 --within 7d v.csv
# A deals file whose stage column has a name not known: without
# --deals-stage every deal is open (a warning; --strict fails), with it
# B (Closed Won) is left out.  Last visit of A: 2024-02-02, the as-of
# date: 0 days, not stale; B never visited.
printf 'ref,Phase,Rep\nA,Proposal,ann\nB,Closed Won,bob\n' >deals.csv
funnel-visits --report stale --deals-file deals.csv --deals-key ref --stale 1d v.csv
funnel-visits --report stale --deals-file deals.csv --deals-key ref --stale 1d --strict v.csv
echo "exit $?"
funnel-visits --report stale --deals-file deals.csv --deals-key ref --deals-stage Phase --deals-owner Rep --stale 1d v.csv
# RFM labels without named segments: the rfm column, named.
printf 'customer_id,r,f,m,rfm\nC1,5,1,1,511\nC2,1,1,1,111\n' >rfm.csv
funnel-visits --report coverage --segments rfm.csv v.csv
echo "exit $?"
funnel-visits --report coverage --segments rfm.csv --segments-segment rfm v.csv
