# No column looks like a customer id and --key is not given: 64, naming
# the option and listing the headers.
printf '%s\n' 'client,when' 'A,2024-01-01' | funnel-retention
