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

# Le résumé de `harmattan batch` (et `merge`).

batch-title = { $scenario } — { $runs } parties × { $turns } tours, graines aléatoires à partir de { $seed }
batch-col-coup = P(coup)
batch-col-coups = coups
batch-col-stability = stabilité
batch-col-membership = appartenance à la fin
batch-blocs = Blocs existant à la fin

# Le rapport de `harmattan futures`.

futures-report-title = { $scenario } — { $runs } avenirs de { $months } mois depuis { $from }, graines aléatoires à partir de { $seed }
futures-change = Changement : { $change }
futures-col-coup = P(coup)
futures-col-blocs = P(nouveaux blocs)
futures-col-ground = P(perte de terrain)
futures-col-band = stabilité p10–p90
futures-record = Ce qui s'est réellement passé pendant ces mois (l'historique du scénario) :

# `harmattan scenarios`

scenarios-broken = (ne se charge pas : { $problems ->
        [one] { $problems } problème
       *[other] { $problems } problèmes
    } ; lancez `harmattan validate { $file }`)
scenarios-mods-folder = Dossier des mods : { $folder }
