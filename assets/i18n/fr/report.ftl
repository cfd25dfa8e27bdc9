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

# `harmattan calibrate` : le modèle confronté à l'histoire.

calib-title = { $title } — { $runs } avenirs de { $months } mois depuis { $scenario }, graines aléatoires { $seed }…
calib-col-check = vérification
calib-col-record = histoire
calib-col-model = modèle
calib-col-accepted = accepté
calib-col-state = État
calib-col-p-attempt = P(tentative)
calib-col-p-coup = P(coup)
calib-ok = ok
calib-out-of-range = HORS PLAGE
calib-yes = oui
calib-not-available = n.d.
calib-scores = Brier, tentatives { $brier-attempt } (taux de base seul { $base-attempt }), AUC { $auc-attempt } ; coups { $brier-coup } (taux de base seul { $base-coup }), AUC { $auc-coup }
calib-all-in-range = Chaque valeur est dans sa plage acceptée.
calib-some-out = { $failed } valeurs sur { $total } sont hors plage.
calib-mean-coups = coups d'État réussis par avenir
calib-mean-attempts = tentatives de coup d'État par avenir
calib-region-share = part des coups d'État dans : { $states }
calib-coup-chance = P(coup d'État : { $state })
calib-pact-formed = P(fondation d'un pacte de juntes)
calib-pact-of = P(pacte entre { $states } avant fin { $by })
calib-joint-withdrawal = P({ $states } quittent ensemble { $bloc })
calib-any-withdrawal = P(l'un de { $states } quitte { $bloc })
calib-dissolved = P(dissolution : { $bloc })
calib-confederation = P(une nouvelle confédération)
calib-leader-holds = P({ $leader } tient encore : { $state })
calib-insurgency-rises = P(hausse de l'insurrection : { $state })
calib-attempt-skill = Brier relatif, tentatives par État
