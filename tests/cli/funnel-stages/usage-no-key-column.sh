# No column looks like a deal id and --key is not given: 64, naming the
# option to give and listing the headers found.
printf '%s\n' 'name,phase' 'x,Lead' | funnel-stages --stages Lead,Qualified
