# Header only in a table: undefined rates shown as "–", no bars (nothing to
# scale). Expected bytes built from the hand-known all-zero funnel.
printf 'deal_id,stage\n' | funnel-stages -f table --stages Lead,Qualified
