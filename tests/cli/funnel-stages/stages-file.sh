# --stages-file: comments, blank and blank-looking lines are skipped,
# "label=Stage" maps CRM labels (before or after the stage, blanks around '='
# trimmed). Hand count: 1 MQL->Lead, 2 "Demo done"->Qualified, 3 Proposal,
# 4 Lead, 5 Won: furthest Lead x2, Qualified x1, Proposal x1, Won x1.
printf '%s\n' 'deal_id,stage' '1,MQL' '2,Demo done' '3,Proposal' '4,Lead' '5,Won' |
funnel-stages --stages-file data/stages/stages.txt
