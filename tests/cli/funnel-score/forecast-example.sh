# The bundled example (the man page's): open deals O-101..O-106, O-109,
# O-110 (O-107 won, O-108 lost), stages weighed Discovery 10%,
# Qualification 20%, Proposal 50%, Negotiation 80%:
#   East  O-109 22000 * 0.2 = 4400, O-110 27000 * 0.5 = 13500:
#         49000, 17900, 0.7
#   North O-101 48000 * 0.5 = 24000, O-102 12000 * 0.2 = 2400,
#         O-103 95000 * 0.8 = 76000: 155000, 102400, 1.5
#   South O-104 8000 * 0.1 = 800, O-105 30000 * 0.5 = 15000,
#         O-106 60000 * 0.8 = 48000: 98000, 63800, 1.4
p=Discovery=10%,Qualification=20%,Proposal=50%,Negotiation=80%
# As the man page shows it, in a table.
funnel-score -f table --forecast -b region --stage-prob $p examples/opportunities.csv
funnel-score --report forecast-deals --stage-prob $p examples/opportunities.csv
