# The report of `harmattan run`.

report-title = { $scenario } — seed { $seed }, { $turns } turns ({ $start } to { $end })
report-key-events = Key events
report-none = (none)
report-states = States at the end
report-col-id = id
report-col-name = name
report-col-stability = stab
report-col-legitimacy = legit
report-col-loyalty = loyal
report-col-insurgency = insur
report-col-control = ctrl
report-col-regime = regime
report-col-leader = leader
report-col-blocs = blocs
report-goals = Goals
report-goal-open = open
report-goal-won = won (turn { $turn })
report-goal-lost = lost (turn { $turn })
report-blocs = Blocs at the end
