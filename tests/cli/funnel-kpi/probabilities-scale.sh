# A --probabilities file has one scale for its bare numbers: 10, 25, 50,
# 80 are percentages (as 10%, 25%, ...: 500 + 3,000 + 15,000 + 32,000 =
# 50500.00, as weighted-probabilities.sh). A file of fractions where one
# bare number is above 1 (1.5, mistyped for 0.15) is refused (64) naming
# both lines: it is not taken for 1.5%. 0 and 1 follow the other numbers,
# and 25% is a percentage in any file.
printf '%s\n' Lead,10 Qualified,25 Proposal,50 Negotiation,80 >pct.csv
printf '%s\n' Lead,0.1 Qualified,1.5 Proposal,0.5 Negotiation,1 >typo.csv
s=Lead,Qualified,Proposal,Negotiation
funnel-kpi --stages $s --probabilities pct.csv data/kpi/deals.csv | cut -d, -f1,10,11
funnel-kpi --stages $s --probabilities typo.csv data/kpi/deals.csv
echo "exit $?"
