# Bars end in eighth blocks: 5/7 of 24 cells = 17.14 -> 17 full + U+258F;
# 2/7 of 24 = 6.86 -> 6 full + U+2589 (rounded to the nearest eighth).
# Hand count: 7 deals, furthest A x2, B x3, C x2.
printf '%s\n' 'deal_id,stage' 1,A 2,A 3,B 4,B 5,B 6,C 7,C |
funnel-stages -f table --stages A,B,C
