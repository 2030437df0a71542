# A --rejects file that is a file the run reads or keeps is refused
# before anything is read or written: exit 64, a message, the file byte
# for byte as it was. Before, --rejects deals.csv deals.csv emptied the
# export before reading it, and --rejects h.csv --append h.csv lost every
# earlier night. The same file is found however it is named: the same
# name, ./name, a hard link, a symbolic link, or standard input
# redirected from it. Files read or kept: the inputs, --orders and the
# --append history.
# Last, a rejects file of its own is accepted (the record of skip-bad.sh's
# export that is skipped here: c, closed before it was created).
printf '%s\n' id,stage,created_at,close_date,amount a,Won,2025-01-01,2025-01-11,100 \
	c,Won,2025-01-05,2025-01-04,70 >deals.csv
cp deals.csv deals.orig
ln deals.csv hard.csv
ln -s deals.csv sym.csv
funnel-kpi --rejects deals.csv deals.csv
echo "same name: exit $?"
funnel-kpi --rejects ./deals.csv deals.csv
echo "./name: exit $?"
funnel-kpi --rejects hard.csv deals.csv
echo "hard link: exit $?"
funnel-kpi --rejects sym.csv data/kpi/deals.csv deals.csv
echo "symbolic link: exit $?"
funnel-kpi --rejects deals.csv <deals.csv
echo "standard input: exit $?"
funnel-kpi --rejects deals.csv --orders deals.csv data/kpi/deals.csv
echo "--orders: exit $?"
cmp deals.csv deals.orig && echo "deals.csv unchanged"
funnel-kpi --asof 2025-03-14 --append h.csv data/kpi/deals.csv >/dev/null
cp h.csv h.orig
funnel-kpi --rejects h.csv --append h.csv deals.csv
echo "history: exit $?"
cmp h.csv h.orig && echo "h.csv unchanged"
funnel-kpi --rejects rejects.csv deals.csv >/dev/null
echo "a file of its own: exit $?"
cat rejects.csv
