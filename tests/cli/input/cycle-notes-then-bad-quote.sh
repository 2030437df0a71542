# Multi-line quoted notes before a later error: a's note spans lines 2-3,
# b's note opens on line 4 and has text after its closing quote on line 5:
# malformed quoting names line 5, where it is found. A bad date in a
# record starting on line 4 whose note spans 4-5 names line 4.
printf '%s\n' id,created_at,close_date,stage,note 'a,2024-01-01,2024-01-11,Won,"called' 'twice"' \
	'b,2024-01-01,2024-01-21,Won,"sent v1' 'then v2"x' | funnel-cycle
echo "exit $?"
printf '%s\n' id,created_at,close_date,stage,note 'a,2024-01-01,2024-01-11,Won,"called' 'twice"' \
	'b,2024-02-30,2024-01-21,Won,"sent v1' 'then v2"' | funnel-cycle
echo "exit $?"
