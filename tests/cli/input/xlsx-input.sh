# An .xlsx workbook (a ZIP archive) given as CSV: 65, saying what it is.
printf 'PK\003\004\024\000\000\000' >deals.xlsx
funnel-stages --stages Lead,Qualified deals.xlsx
