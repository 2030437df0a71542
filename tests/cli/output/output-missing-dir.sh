# -o into a directory that does not exist: exit 74, a message naming the
# file, and no file or temporary file created anywhere.
funnel-stages -o nodir/out.csv --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
echo "exit $?"
ls
