# -o creates the file with mode 0666 less the umask (funnel-stages(1)), as
# a plain > redirection would: with umask 027 that is 640 (by hand:
# 666 & ~027 = 640), not a world-writable 666.
umask 027
funnel-stages -o out.csv --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
stat -c %a out.csv
