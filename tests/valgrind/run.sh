#!/bin/sh
# Valgrind memcheck over a representative set of command runs: each
# command's main options, and the error paths (65 bad data, 64 usage,
# 66 missing file, 74 full disk, --skip-bad --rejects, --encoding, -o FILE,
# funnel-kpi --append, funnel-visits' four reports), on the small fixtures
# of tests/data and examples.
#
#   run.sh COMMAND_DIR
#
# A run fails on any memcheck error or a definitely or indirectly lost
# block (valgrind exits 99 then), or when its exit status is not the one
# the case expects.  "Still reachable" and "possibly lost" blocks are not
# errors: a command that exits from argp keeps what it had.  Exits 77
# (skipped) when valgrind is not installed; valgrind cannot run programs
# built with a sanitizer, so meson defines the test for plain builds only.
set -u
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind is not installed: skipped"
	exit 77
fi
cmd_dir=$(cd "$1" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
data=$src/tests/data
examples=$src/examples
scratch=$(mktemp -d "${TMPDIR:-/tmp}/funnel-valgrind.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1
export LC_ALL=C.UTF-8 TZ=UTC
exec </dev/null

runs=0
failed=0

# vg STATUS COMMAND [ARG...]: runs COMMAND under memcheck, expecting exit
# STATUS; stdout goes to $OUT (default: a scratch file), stdin is the
# caller's.
vg() {
	want=$1
	shift
	runs=$((runs + 1))
	log=vg.$runs.log
	valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect \
		--show-leak-kinds=definite,indirect --track-fds=no \
		--log-file="$log" "$cmd_dir/$@" >"${OUT:-out.$runs}" 2>err.$runs
	got=$?
	if [ "$got" = "$want" ] && [ ! -s "$log" ]; then
		echo "ok $runs - $* (exit $got)"
		return
	fi
	failed=$((failed + 1))
	echo "not ok $runs - $* (exit $got, want $want)"
	sed 's/^/#   /' "$log" err.$runs | head -60
}

# Inputs the cases write themselves.
printf 'deal_id,stage\n1,Prospect\n2,Qualifi\351\n3,N\351gociation\n4,Gagn\351\n5,Perdu\n' >latin1.csv
printf 'deal_id,stage,entered_at\r\nA,Lead,2024-01-01\r\nB,"Lead\r\nnote",2025-02-30\r\nC,Lead\r\nD,Qualified,2024-01-02\r\nE,Le"ad,2024-01-01\r\nF,Lead,2024-01-03\r\n' >messy.csv
printf 'deal_id,stage,entered_at\n1,Lead,2024-01-01\n2,Lead,2025-02-30\n' >bad-date.csv
printf 'deal_id,stage\n1,Lead\n2,\201\n3,Lead\n' >gbk-bad.csv
printf 'customer_id,order_date\nA,2024-01-10\nB,2024-02-30\nC\nA,2024-02-29\n' >orders-bad.csv
printf 'id,created_at,close_date,stage\na,2024-01-05,2024-01-04,Won\n' >closed-early.csv
printf 'date,deals\n2025-03-01,10\n' >foreign.csv

stages="Lead,Qualified,Proposal,Won"

# funnel-stages
vg 0 funnel-stages --stages $stages <"$data/stages/snapshot.csv"
vg 0 funnel-stages -f table --by region --ci 0.9 --stages $stages "$data/stages/snapshot.csv"
vg 0 funnel-stages --mode entered --stages $stages "$data/stages3/journeys.csv"
vg 0 funnel-stages --mode ordered --within 30d --stages $stages -f json "$data/stages3/journeys-shuffled.csv"
vg 0 funnel-stages --mode strict --stages $stages -f md "$data/stages3/journeys.csv"
vg 0 funnel-stages -v "$data/stages/history.csv"
vg 0 funnel-stages --stages-file "$data/stages/stages.txt" "$data/stages/history.csv"
vg 0 funnel-stages -f table "$data/stages3/hubspot.csv"
vg 0 funnel-stages --pipeline SMB "$data/stages3/hubspot-pipelines.csv"
vg 0 funnel-stages --key opportunity_id --stage deal_stage --by sales_agent \
	--stages Prospecting,Engaging,Won --lost Lost \
	--stage-date Engaging=engage_date "$examples/sales_pipeline.csv"
vg 0 funnel-stages --encoding LATIN1 --lost Perdu \
	--stages Prospect,Qualifié,Négociation,Gagné latin1.csv
vg 0 funnel-stages --rejects rejects.csv --stages Lead,Qualified messy.csv
vg 0 funnel-stages -o stages.csv --stages $stages "$data/stages/snapshot.csv"
vg 65 funnel-stages --stages Lead,Qualified bad-date.csv
vg 65 funnel-stages --encoding GBK --stages Lead,Qualified gbk-bad.csv
vg 64 funnel-stages --key nope --stages $stages "$data/stages/snapshot.csv"
vg 64 funnel-stages --bogus "$data/stages/snapshot.csv"
vg 66 funnel-stages --stages $stages no-such.csv
OUT=/dev/full vg 74 funnel-stages --stages $stages "$data/stages/snapshot.csv"

# funnel-retention
vg 0 funnel-retention -f table "$data/retention/orders.csv"
vg 0 funnel-retention --crr --amount amount --by region "$data/retention/orders.csv"
vg 0 funnel-retention --revenue --amount amount -f json "$data/retention/orders.csv"
vg 0 funnel-retention --cohorts recurring --on-or-after -P week "$data/retention/weeks.csv"
vg 0 funnel-retention --skip-bad orders-bad.csv
vg 65 funnel-retention orders-bad.csv
vg 64 funnel-retention --revenue "$data/retention/orders.csv"
OUT=/dev/full vg 74 funnel-retention "$data/retention/orders.csv"

# funnel-cycle
vg 0 funnel-cycle --by Region "$data/cycle/deals.csv"
vg 0 funnel-cycle -f table --survival --at 3,7,10,20 "$data/cycle/deals.csv"
vg 0 funnel-cycle --per-stage --by owner "$data/cycle/history.csv"
vg 0 funnel-cycle --histogram 7d --by Region "$data/cycle/deals.csv"
vg 0 funnel-cycle --summary --amount Amount --by Owner "$data/cycle/velocity.csv"
vg 0 funnel-cycle --help
vg 65 funnel-cycle closed-early.csv
vg 66 funnel-cycle no-such.csv

# funnel-kpi
vg 0 funnel-kpi "$data/kpi/deals.csv"
vg 0 funnel-kpi --by region --orders "$data/kpi/orders.csv" "$data/kpi/deals.csv"
vg 0 funnel-kpi --stages Lead,Qualified,Proposal,Negotiation \
	--probabilities "$data/kpi/probabilities.csv" "$data/kpi/deals.csv"
vg 0 funnel-kpi --asof 2025-03-14 --append hist.csv "$data/kpi/deals.csv"
vg 0 funnel-kpi -f table --by region --append hist-by.csv "$data/kpi/deals.csv"
vg 0 funnel-kpi -f table --by region --append hist-by.csv "$data/kpi/deals.csv"
vg 0 funnel-kpi -o kpi.csv --append hist.csv --check 'win_rate>=0.1' "$data/kpi/deals.csv"
vg 1 funnel-kpi --by region --check 'win_rate>=0.9' "$data/kpi/deals.csv"
vg 64 funnel-kpi --check 'win_ratio>=0.25' "$data/kpi/deals.csv"
vg 65 funnel-kpi --append foreign.csv "$data/kpi/deals.csv"
vg 66 funnel-kpi --append hist.csv no-such.csv
OUT=/dev/full vg 74 funnel-kpi --append hist.csv "$data/kpi/deals.csv"

# funnel-visits
v=$data/visits
vg 0 funnel-visits --visit visit_id -f table "$v/visits.csv"
vg 0 funnel-visits --by rep,customer_id --outcome-map "Completed=continuation" --from 2024-03-05 "$v/visits.csv"
vg 1 funnel-visits --report stale --deals-file "$v/deals.csv" --stale 14d --check 'stale_deals==0' "$v/visits.csv"
vg 0 funnel-visits --report coverage --segments "$v/classes-by-region.csv" --by region "$v/visits.csv"
vg 0 funnel-visits --report conversion --history "$v/history.csv" -S Qualify,Propose,Negotiate --within 7d "$v/visits.csv"
vg 65 funnel-visits --visit customer_id "$v/visits.csv"
vg 64 funnel-visits --report stale --stale 14 "$v/visits.csv"
echo "$runs runs under valgrind, $failed failed"
[ "$failed" = 0 ]
