# "Deal<NBSP>Stage" (U+00A0 from a web page) is named loosely by
# --stage deal_stage. A second header "deal stage" matches the same loose
# name: ambiguous, 64, naming both columns; by number (3) it works.
# Hand count by column 3: 1 Lead, 2 Qualified.
printf 'deal_id,Deal\302\240Stage,deal stage\n1,Lead,Lead\n2,Lead,Qualified\n' >d.csv
printf 'deal_id,Deal\302\240Stage\n1,Lead\n2,Qualified\n' | funnel-stages --stage deal_stage --stages Lead,Qualified
funnel-stages --stage deal_stage --stages Lead,Qualified d.csv
echo "exit $?"
funnel-stages --stage 3 --stages Lead,Qualified d.csv
