# A repeated step counts only where each step takes an event of its own
# (ordered, strict); in furthest and entered mode a stage is entered once,
# so listing it twice stays a usage error (64), from a stages file too.
printf '%s\n' 'deal,stage' 'A,signup' >in.csv
funnel-stages --stages signup,pageview,pageview in.csv
echo "exit $?"
printf '%s\n' signup pageview pageview >stages.txt
funnel-stages --mode entered --stages-file stages.txt in.csv
echo "exit $?"
