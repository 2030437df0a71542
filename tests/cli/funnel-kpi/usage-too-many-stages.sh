# -S takes at most 64 stages, as funnel-stages does, with its words: 64
# stages (S1..S64) are read (data/kpi/deals.csv's stages are none of them:
# its open deals have no probability, weighted_pipeline undefined), 65
# are a usage error (64), as are 12,003, which took seconds to match
# every deal's stage against when there was no limit. funnel-stages says
# the same of its --stages.
stages() {  # n
	seq -f 'S%g' 1 "$1" | paste -sd, -
}
funnel-kpi -S "$(stages 64)" data/kpi/deals.csv 2>/dev/null | cut -d, -f1,10,11
echo "exit $?"
funnel-kpi -S "$(stages 65)" data/kpi/deals.csv
echo "exit $?"
funnel-kpi --stages "$(stages 12003)" data/kpi/deals.csv
echo "exit $?"
printf 'deal,stage\n' | funnel-stages --stages "$(stages 65)"
echo "exit $?"
