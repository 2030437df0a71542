# --model and --save-model refuse what they cannot use, and nothing is
# half-written.
f=data/ucla/binary.csv
fit="--fit --status admit --won 1 --lost 0 --dims gre,gpa --categorical rank"
funnel-score $fit --save-model model.csv $f >/dev/null
head="id,gre,gpa,rank,need,budget,authority,timeline,competition"
# 1. A deal without a term's value, or with a value that is no number
#    (65 at the cell; --skip-bad leaves the deal out).
printf '%s\na,,3,1,3,3,3,3,3\nb,500,x,1,3,3,3,3,3\nc,500,3,1,3,3,3,3,3\n' $head >gaps.csv
funnel-score --model model.csv gaps.csv
echo "exit $?"
funnel-score --model model.csv --skip-bad gaps.csv
echo "exit $?"
# 2. A deals file without a term's column (64, listing the header).
printf 'id,gpa,rank,need,budget,authority,timeline,competition\na,3,1,3,3,3,3,3\n' >nogre.csv
funnel-score --model model.csv nogre.csv
echo "exit $?"
# 3. Files that are not a model (65 at the line), or none (66).
funnel-score --model $f gaps.csv
echo "exit $?"
{ echo '# levels,rank,1,2'; echo 'term,estimate'; echo '(intercept),1'; } >nolevel.csv
funnel-score --model nolevel.csv gaps.csv
echo "exit $?"
{ echo '# levels,rank,1,2'; echo '# reference,rank,1'; echo 'term,estimate'; echo '(intercept),1'; } >noterm.csv
funnel-score --model noterm.csv gaps.csv
echo "exit $?"
{ echo 'term,estimate'; echo '(intercept),1'; echo 'gre,high'; } >nan.csv
funnel-score --model nan.csv gaps.csv
echo "exit $?"
funnel-score --model no-such-model.csv gaps.csv
echo "exit $?"
# 4. Options that do not go together (64): a model for the fit, a fit
#    saved without one, --unseen without a model, and --save-model naming
#    the input or -o's file.
funnel-score $fit --model model.csv $f
echo "exit $?"
funnel-score --save-model m2.csv gaps.csv
echo "exit $?"
funnel-score --unseen reference gaps.csv
echo "exit $?"
cp $f input.csv
funnel-score $fit --save-model ./input.csv input.csv
echo "exit $?"
funnel-score $fit --save-model out.csv -o ./out.csv $f
echo "exit $?"
# 5. A model that cannot be written (74): the report is not printed.
#    An empty file name is a usage error (64).
funnel-score $fit --save-model /dev/full $f
echo "exit $?"
funnel-score $fit --save-model '' $f
echo "exit $?"
funnel-score --model '' gaps.csv
echo "exit $?"
# 6. A fit that fails saves nothing; the old model stays.
printf 'id,admit,gre,gpa,rank\na,1,300,3,1\nb,1,400,3,2\n' >onewon.csv
funnel-score $fit --save-model model.csv onewon.csv
echo "exit $?"
grep -c '^rank=' model.csv
