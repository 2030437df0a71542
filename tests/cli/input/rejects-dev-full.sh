# --rejects into a full disk: the rejected record cannot be kept, so the
# run must fail with 74 and say why (funnel-stages(1): 74 when writing
# --rejects FILE failed; PRODUCT.md 4: nothing is lost). Stderr is checked
# for the reason only, so the exact wording stays free.
printf '%s\n' 'deal_id,stage' '1,Lead' ',Lead' |
funnel-stages --rejects /dev/full --stages Lead,Qualified >/dev/null 2>err.txt
echo "exit $?"
grep -q 'No space left on device' err.txt && echo 'stderr: says the disk is full'
