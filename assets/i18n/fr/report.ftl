# Le rapport de `harmattan run`.

report-title = { $scenario } — graine aléatoire { $seed }, { $turns } tours ({ $start } – { $end })
report-key-events = Événements marquants
report-none = (aucun)
report-states = Les États à la fin
report-col-id = id
report-col-name = nom
report-col-stability = stab
report-col-legitimacy = légit
report-col-loyalty = loyal
report-col-insurgency = insur
report-col-control = contr
report-col-regime = régime
report-col-leader = dirigeant
report-col-blocs = blocs
report-goals = Objectifs
report-goal-open = en cours
report-goal-won = atteint (tour { $turn })
report-goal-lost = manqué (tour { $turn })
report-blocs = Les blocs à la fin
