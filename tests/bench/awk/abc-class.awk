# mawk peer, ABC classes, step 2: input customer,cents by cents (highest
# first), then customer; the total cents in totfile (written once step 1
# has read everything, before sort lets a line through).  Prints
# customer,value,share,cum_share,class: a value is the double cents / 100,
# the shares divide such doubles; A while the running share is at most
# 0.80, B at most 0.95, else C, a cut plus 1e-9 still within.
BEGIN { A = 0.8 + 1e-9; B = 0.95 + 1e-9 }
NR == 1 { getline total < totfile; t = total / 100 }
{
	cum += $2
	v = $2 / 100
	s = (cum / 100) / t
	printf "%s,%.2f,%.17g,%.17g,%s\n", $1, v, v / t, s, s <= A ? "A" : s <= B ? "B" : "C"
}
