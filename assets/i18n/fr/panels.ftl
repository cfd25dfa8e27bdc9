
## Et ensuite ? (la fenêtre des avenirs possibles)

futures-title = Et ensuite ?
# Avant le nombre d'avenirs à simuler
futures-runs-label = Nombre d'avenirs
# Avant le nombre de mois simulés
futures-months-label = Horizon (mois)
futures-change-intro = Changer un élément (facultatif) : choisissez-le dans les listes ou saisissez-le.
futures-change-label = Changement :
futures-run-button = Simuler les avenirs
futures-export-button = Exporter
futures-exported = Fichiers exportés : { $csv } et { $json }.
futures-history-note = Cette partie suit le déroulement historique ; les avenirs, non. À partir de maintenant, chacun d'eux est simulé par le modèle seul, à comparer avec ce qui s'est réellement passé.
futures-computer-run = Dans les avenirs, tous les gouvernements sont joués par l'ordinateur ; chaque avenir a sa propre graine aléatoire.
# $from : un mois (« août 2023 »)
futures-summary = { $runs } avenirs sur { $months } mois depuis { $from }
# $change : le changement, tel que saisi
futures-summary-with-change = { $runs } avenirs sur { $months } mois depuis { $from }, sans et avec { $change }
futures-col-state = État
futures-col-p-coup = P(coup d'État)
futures-col-p-bloc = P(nouveaux blocs)
futures-col-p-ground = P(perte de terrain)
futures-col-interval-hover = Proportion des avenirs où cela se produit, avec son intervalle de confiance à 95 % entre parenthèses
futures-col-record = Ce qui s'est passé
futures-col-record-hover = Ce que l'histoire du scénario rapporte pour ces mois, à mettre en regard des avenirs
# Une proportion d'avenirs et son intervalle à 95 % : « 12 % (9–16) »
futures-share-interval = { $share } ({ $low }–{ $high })
# Suivi de l'un des trois boutons futures-measure-
futures-chance-of = Probabilité
futures-measure-coup = d'un coup d'État
futures-measure-bloc = d'un nouveau bloc
futures-measure-ground = de perdre du terrain
futures-col-without = Sans
futures-col-with = Avec le changement
futures-col-difference = Différence (intervalle à 95 %)
# Une différence en points de pourcentage et son intervalle à 95 % : « +3 pts (-1 à +7) »
futures-difference = { $difference } pts ({ $low } à { $high })
futures-within-chance = Dans la marge du hasard : simulez davantage d'avenirs pour trancher
futures-difference-key = En gras : une différence que les avenirs montrent nettement (son intervalle de confiance à 95 % exclut 0). En gris : dans la marge du hasard.
futures-fan-of = Graphique en éventail pour { $state } :
futures-key-without = —— sans le changement : la médiane et, en trait fin, l'intervalle entre le 10e et le 90e centile des avenirs
futures-key-with = - - - avec le changement
futures-axis-months = mois à venir
# Les courbes du graphique en éventail ; $with vaut « with » ou « without » (le changement)
futures-line-median = { $with ->
        [with] médiane avec le changement
       *[without] médiane sans le changement
    }
futures-line-band = { $with ->
        [with] 10e–90e centiles avec le changement
       *[without] 10e–90e centiles sans le changement
    }

## Le changement des avenirs, choisi dans des listes

change-none = (à saisir ou à choisir)
change-lift-sanctions = Un bloc lève ses sanctions
change-impose-sanctions = Un bloc impose des sanctions
change-coup-attempt = Une tentative de coup d'État
change-expel-forces = Un État expulse les forces d'une puissance
change-partnership = Un partenariat entre en vigueur
change-leave-bloc = Un État quitte un bloc
change-join-bloc = Un État rejoint un bloc
change-close-border = Un État ferme sa frontière à un autre
change-indicator = Un indicateur change brusquement
# Entre l'État qui ferme sa frontière et l'autre
change-to-state = à
# Avant la variation d'un indicateur : « de -5 »
change-by = de

## Graphiques

charts-title = Graphiques
charts-states-button = États…
# Tournants marqués sur un graphique ; $state est le code d'un État (« NER »)
charts-mark-coup = coup d'État { $state }
charts-mark-failed-coup = coup d'État manqué { $state }
charts-mark-pact = pacte { $state }
charts-mark-joins = adhésion { $state }
charts-mark-leaves = départ { $state }
charts-mark-exit-announced = retrait annoncé { $state }
charts-mark-sanctions = sanctions { $state }
charts-mark-sanctions-lifted = sanctions levées { $state }
charts-mark-forces-expelled = forces expulsées { $state }
charts-mark-elected-rule = pouvoir élu { $state }

## Décisions

decisions-title = Décisions
decisions-observer = Mode observateur : aucun gouvernement pour lequel décider. Lancez une partie en incarnant un État depuis le menu.
decisions-capital-left = Capital politique : { $left } restant sur { $capital }
decisions-capital-reserved = ({ $reserved ->
        [one] { $reserved } réservé
       *[other] { $reserved } réservés
    } aux décisions de ce mois)
decisions-capital = Capital politique : { $capital }
decisions-capital-gained = (gagné chaque mois, davantage avec la légitimité)
decisions-queued-intro = Exécutées quand vous terminerez le tour :
# Une décision en attente pour ce tour
decisions-queued-item = • { $decision }, coût { $cost }
decisions-take-back = Annuler
decisions-find = Rechercher
decisions-show-closed = afficher les décisions indisponibles pour l'instant
# L'en-tête d'une décision dans la liste
decisions-entry = { $decision } — coût { $cost }
# $effects : ce qu'on en attend, séparé par decisions-expected-separator
decisions-expected = Effets attendus : { $effects }
decisions-expected-separator = {" ; "}
decisions-not-now = Pas maintenant : { $reason }
# Le bouton d'une décision sans cible
decisions-decide = Décider
decisions-footnote = Les décisions choisies sont exécutées à la fin du tour ; les causes du panneau latéral montrent ensuite leur effet.

## Un changement pour les avenirs inutilisable (fenêtre et ligne de commande)

change-error-not-effect = le changement `{ $text }` n'est pas un effet (colonne { $column } : { $reason }) ; par exemple LiftSanctions(bloc: "ECOWAS", state: "NER") ou EndPartnership(state: "NER", power: "RUS", kind: TrainingEquipment)
change-error-fires = le changement `{ $text }` déclenche un événement du scénario : donnez l'effet lui-même (Change, LiftSanctions…)
change-error-starts-ended = le changement `{ $text }` ouvre un partenariat déjà terminé : utilisez EndPartnership
change-error-number = le changement `{ $text }` donne à `{ $key }` la valeur { $value } : donnez un nombre entre -200 et 200
change-error-twice = le changement `{ $text }` nomme `{ $id }` deux fois : un État ne peut pas faire cela avec lui-même
change-error-unknown = le changement ne peut pas s'appliquer : { $problems }
change-error-unknown-id = `{ $id }` n'existe pas dans cette partie (attendu : { $kind ->
        [state] un État
        [other] un État
        [first] un État
        [second] un État
        [power] une puissance
        [bloc] un bloc
       *[x] { $kind }
    })
