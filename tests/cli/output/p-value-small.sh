# A p-value below the last digit shown is written in e-notation with two
# significant digits (5.9e-16), in every format, never as 0.0000, which
# reads as "impossible"; larger ones keep their fixed digits.
# Maven CRM layout (opportunity_id,sales_agent,...,deal_stage,...): agent
# A has 30 Won and 10 Engaging deals, agent B 36 Prospecting and 4 Won.
# Engaging: A 40/40, B 4/40 -> chi-square 65.4545 on 1 df, p 5.947e-16;
# Won: A 30/40, B 4/4 -> 1.2941 on 1 df, p 0.2553 (mpmath's regularized
# upper incomplete gamma, computed apart).
{
	echo opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
	awk 'BEGIN {
		for (i = 1; i <= 80; i++) {
			agent = i <= 40 ? "A" : "B"
			if (i <= 30 || i > 76) stage = "Won"
			else if (i <= 40) stage = "Engaging"
			else stage = "Prospecting"
			printf "%08d,%s,GTX Basic,Acme,%s,,,\n", i, agent, stage
		}
	}'
} >pipeline.csv
funnel-stages --stages Prospecting,Engaging,Won --by sales_agent pipeline.csv |
	cut -d, -f1,2,3,11,12
funnel-stages -f json --stages Prospecting,Engaging,Won --by sales_agent pipeline.csv |
	grep -o '"p_value":[^,]*' | sort -u
