# --categorical levels sort as R's factor() sorts them: numerically when
# every level is a number (2 before 10), else bytewise; the reference is
# the first, or :REF.  A blank cell is a level "(blank)".  Open rows are
# not observations (said with -v).  Three levels of a, so two terms each
# time; the estimates are not checked here (fit-ucla does that), only the
# terms and their order.
printf 'id,status,x,size,region\n' >l.csv
i=0
for row in "lost,1,10,North" "won,2,2,South" "lost,3,10,North" "won,4,2," \
	"won,5,33,South" "lost,6,33,North" "won,7,2,South" "lost,8,10," \
	"won,2,33,North" "open,1,2,North"; do
	i=$((i + 1)); echo "d$i,$row" >>l.csv
done
funnel-score --fit --dims x --categorical size -v l.csv 2>&1 >/dev/null | grep 'not in the fit'
funnel-score --fit --dims x --categorical size l.csv | cut -d, -f1
funnel-score --fit --dims x --categorical size:33 --categorical region l.csv | cut -d, -f1
