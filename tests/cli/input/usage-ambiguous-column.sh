# A loose column name matching two headers is refused (64), not guessed.
printf '%s\n' 'deal_id,Deal Stage,deal_stage' '1,Lead,Lead' | funnel-stages --stage 'DEAL STAGE' --stages Lead,Qualified
