# --append with an empty name is a usage error (64, a message), not an
# I/O error that leaves a ".lock" file behind; the empty names of -o and
# --rejects are refused the same way. --append naming a directory is an
# I/O error (74) saying why, as -o and --rejects are, not "cannot open
# input" (66), also with -f table (the default on a terminal), which reads
# the history first for the previous values; and no lock file is made
# beside the directory. (In a directory of its own, so that ls -A shows
# only what the runs made.)
mkdir w && cd w || exit 1
funnel-kpi --append '' ../data/kpi/deals.csv
echo "--append '': exit $?"
funnel-kpi -o '' ../data/kpi/deals.csv
echo "-o '': exit $?"
funnel-kpi --rejects '' ../data/kpi/deals.csv
echo "--rejects '': exit $?"
mkdir dir
funnel-kpi --append dir ../data/kpi/deals.csv
echo "--append dir: exit $?"
funnel-kpi -f table --append dir ../data/kpi/deals.csv
echo "-f table --append dir: exit $?"
funnel-kpi -o dir ../data/kpi/deals.csv
echo "-o dir: exit $?"
funnel-kpi --rejects dir ../data/kpi/deals.csv
echo "--rejects dir: exit $?"
ls -A . dir
