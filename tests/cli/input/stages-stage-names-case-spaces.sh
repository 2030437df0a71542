# Stage names differing only in ASCII case are one stage (funnel-stages(1)):
# --stages Lead,lead lists one twice: 64. In the data, "LEAD", " lead "
# (quoted, blanks kept) and "Qualified " are Lead and Qualified (matched
# ignoring case and surrounding blanks). Hand count: 1 Lead, 2 Lead,
# 3 Qualified.
printf '%s\n' deal_id,stage 1,LEAD '2," lead "' '3,"Qualified "' >d.csv
funnel-stages --stages Lead,lead d.csv
echo "exit $?"
funnel-stages --stages Lead,Qualified d.csv
