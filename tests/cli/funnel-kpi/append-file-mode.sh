# Was a bug, fixed: the history's permissions are not kept. It is rewritten by renaming
# a temporary file that funnel-kpi chmods to 0644 whatever the umask and
# whatever the history's own mode, so a history kept private (0600:
# revenue figures) becomes readable by every user on the first append, and
# a new one ignores the umask -- while -o writes 0666 less the umask
# (funnel-cycle(1), -o) and the lock file beside it gets 0600 here.
# Expected, under umask 077: a new history 600; an existing history of
# mode 640 keeps 640 after an append.
umask 077
funnel-kpi --asof 2025-03-01 --append new.csv data/kpi/deals.csv >/dev/null
funnel-kpi -o out.csv data/kpi/deals.csv
stat -c '%a %n' new.csv new.csv.lock out.csv
funnel-kpi --asof 2025-03-01 --append old.csv data/kpi/deals.csv >/dev/null
chmod 640 old.csv
funnel-kpi --asof 2025-03-02 --append old.csv data/kpi/deals.csv >/dev/null
stat -c '%a %n' old.csv
