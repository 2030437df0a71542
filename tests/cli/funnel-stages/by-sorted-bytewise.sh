# Group order is by name, byte-wise, independent of first appearance: rows
# arrive as zeta, Alpha, beta, alpha and groups come out Alpha, alpha, beta,
# zeta (upper case sorts before lower case). One deal each, all at Lead.
printf '%s\n' 'deal_id,stage,team' '1,Lead,zeta' '2,Lead,Alpha' '3,Qualified,beta' '4,Lead,alpha' |
funnel-stages --by team --stages Lead,Qualified
