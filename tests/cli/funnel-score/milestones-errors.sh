# Errors of the milestone reports.
S=Lead,Discovery,Qualification,Proposal,Negotiation
M=data/score/milestones.csv
D=data/score/milestone-deals.csv
# An evidence milestone the milestones file does not list: a data error
# (65) at its line and column.
printf 'deal,milestone\nD1,pain confirmed\nQ1,demo given\n' >ev.csv
funnel-score -k id --report milestones --milestones $M -S $S --evidence ev.csv $D
echo "exit $?"
# A milestone's stage that is not one of --stages: a usage error (64) at
# its line of the file (line 6: the comment and header count).
sed 's/^Negotiation,/Closing,/' $M >m2.csv
funnel-score -k id --report milestones --milestones m2.csv -S $S --evidence ev.csv $D
echo "exit $?"
# A milestone listed twice (case aside, as milestones are matched), a
# line that is not stage,milestone, an empty field: usage errors naming
# the line.
printf 'Lead,a\nDiscovery,A\n' >m3.csv
printf 'Lead,a\nDiscovery\n' >m4.csv
printf 'Lead,a\n,b\n' >m5.csv
for m in m3.csv m4.csv m5.csv; do
	funnel-score -k id --report milestones --milestones $m -S $S --evidence ev.csv $D
	echo "exit $?"
done
# An open deal whose stage is not one of --stages, or blank: a data error
# at its cell (65); --skip-bad leaves such deals out (Q2 and L1 here), so
# the summary is of D1 1/1, P1 3/3, Q1 2/3, N1 1/4: deals 4, complete 2,
# mean (1 + 1 + 2/3 + 1/4) / 4 = (35/12) / 4 = 35/48 = 0.72917.
sed 's/^Q2,South,Qualification/Q2,South,Demo/' $D >d1.csv
sed 's/^L1,North,Lead/L1,North,/' d1.csv >d2.csv
for d in d1.csv d2.csv; do
	funnel-score -k id --report milestones --milestones $M -S $S \
		--evidence data/score/evidence.csv $d
	echo "exit $?"
done
funnel-score -k id --report milestones-summary --milestones $M -S $S \
	--evidence data/score/evidence.csv --skip-bad d2.csv
echo "exit $?"
# A deal listed twice: 65 naming both lines.
sed -n '1,3p;3p' $D >d3.csv
funnel-score -k id --report milestones --milestones $M -S $S --evidence ev.csv d3.csv
echo "exit $?"
# Usage errors (64): no --milestones, no --stages, neither or both kinds
# of evidence, --asof without an evidence file, an --evidence-* option
# without --evidence, a stage listed twice in --stages, and an option of
# the scores (--tiers) or of the milestones (--milestones) with the other
# report; --dims and --fit, which the milestone reports do not use, too.
funnel-score -k id --report milestones -S $S --evidence ev.csv $D
echo "exit $?"
funnel-score -k id --report milestones --milestones $M --evidence ev.csv $D
echo "exit $?"
funnel-score -k id --report milestones --milestones $M -S $S $D
echo "exit $?"
funnel-score -k id --report milestones --milestones $M -S $S --evidence ev.csv \
	--milestone-cols 'pain confirmed' $D
echo "exit $?"
funnel-score -k id --report milestones --milestones $M -S $S \
	--milestone-cols 'pain confirmed' --asof 2025-01-01 $D
echo "exit $?"
funnel-score -k id --report milestones --milestones $M -S $S \
	--milestone-cols 'pain confirmed' --evidence-key deal $D
echo "exit $?"
funnel-score -k id --report milestones --milestones $M -S Lead,Discovery,lead \
	--evidence ev.csv $D
echo "exit $?"
for opt in "--tiers 80,40" "--dims need" "--fit"; do
	funnel-score -k id --report milestones --milestones $M -S $S \
		--evidence ev.csv $opt $D
	echo "exit $?"
done
funnel-score -k id --milestones $M $D
echo "exit $?"
# Files that cannot be opened (66): the milestones, the evidence.
funnel-score -k id --report milestones --milestones nosuch.csv -S $S --evidence ev.csv $D
echo "exit $?"
funnel-score -k id --report milestones --milestones $M -S $S --evidence nosuch.csv $D
echo "exit $?"
# The evidence file without a milestone column: the header is listed.
printf 'deal,step\nD1,pain confirmed\n' >ev2.csv
funnel-score -k id --report milestones --milestones $M -S $S --evidence ev2.csv $D
echo "exit $?"
# A header of other names than stage,milestone is read as a rule: the
# message says what a header is named (64).
printf 'rule_stage,rule_milestone\nLead,x\n' >header.csv
printf 'id,stage\na,Lead\n' >one.csv
funnel-score --report milestones --milestones header.csv -S Lead --milestone-cols stage one.csv
echo "exit $?"
