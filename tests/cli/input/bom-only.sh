# A file holding only a UTF-8 BOM has no header: 65.
printf '\357\273\277' >bom.csv
funnel-stages --stages Lead,Qualified bom.csv
