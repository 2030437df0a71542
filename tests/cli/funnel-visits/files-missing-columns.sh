# Several logs, the first without a column a later one has.
printf 'deal_id,customer_id,visit_date,outcome\nD1,C1,2024-03-01,advance\n' >norep.csv
printf 'visit_id,deal_id,customer_id,visit_date,rep,outcome,region\nV1,D1,C1,2024-03-01,ann,advance,N\nV2,D2,C1,2024-03-02,ann,order,N\n' >withrep.csv
# By rep: norep.csv's visit has a blank rep (a group of its own, first
# bytewise), whichever file comes first; the column is named "rep" as
# withrep.csv names it.  Period 03-01..03-02: 2 days.
#   (blank): 1 visit, D1, C1, advance: 1/1; 1 * 7 / 2 = 3.50
#   ann:     2 visits, D1 D2, C1: 2/2 = 1.00 per deal; order 1 advance 1;
#            2 * 7 / 2 = 7.00
funnel-visits norep.csv withrep.csv
funnel-visits withrep.csv norep.csv | sed 1d
# --by region: the column named as the file that has it names it.
funnel-visits --by region norep.csv withrep.csv | cut -d, -f1,2
# Stale and coverage do not read outcomes: a label outside the
# vocabulary does not stop them (reps refuses it, 65).
printf 'deal_id,customer_id,visit_date,outcome\nD1,C1,2024-03-01,Scheduled\n' >crm.csv
printf 'deal_id,stage\nD1,Proposal\nD2,Qualification\n' >deals.csv
funnel-visits --report stale --deals-file deals.csv --stale 0d crm.csv
funnel-visits --by '' crm.csv
echo "exit $?"
