# For cron, --strict turns the warning about stage labels outside the
# funnel into exit 65 at the first such row (line 3, "Demo"; "Foo" on line
# 5 is never reached), with nothing on stdout.  Without it the same file
# gives Lead 2 and a warning.
printf 'deal_id,stage\n1,Lead\n2,Demo\n3,Lead\n4,Foo\n' >d.csv
funnel-stages --strict --stages Lead d.csv
