# A directory given as the input file cannot be read: 66.
mkdir exports
funnel-stages --stages Lead,Qualified exports
