# Ce que demandent et font les décisions et les objectifs : conditions,
# effets, raisons pour lesquelles une décision est impossible, saisies
# refusées. Un nombre comme $delta existe aussi signé : $delta-signed
# (« +5 », « -3 »).

## Conditions (des objectifs et de la disponibilité des décisions)

cmp-below = moins de
cmp-at_most = au plus
cmp-at_least = au moins
cmp-above = plus de
cond-regime-civilian = sous un gouvernement élu
cond-regime-military_junta = sous une junte militaire
cond-regime-transitional = sous un gouvernement de transition

cond-leader = { $leader } dirige { $state }
cond-leader-not = { $leader } ne dirige plus { $state }
cond-member = { $state } membre { $bloc-of }
cond-member-not = { $state } hors { $bloc-of }
cond-suspended = { $state } { $state-gender ->
        [feminine] suspendue
        [plural] suspendus
       *[other] suspendu
    } { $bloc-of }
cond-suspended-not = { $state } non { $state-gender ->
        [feminine] suspendue
        [plural] suspendus
       *[other] suspendu
    } { $bloc-of }
cond-sanctioned-by = { $state } sous sanctions { $bloc-of }
cond-sanctioned-by-not = { $state } libéré des sanctions { $bloc-of }
cond-sanctioned = { $state } sous sanctions
cond-sanctioned-not = { $state } sans sanctions
cond-talks = { $state } en négociation avec { $power }
cond-talks-not = { $state } sans négociation avec { $power }
cond-regime = { $state } { $regime }
cond-regime-not = { $state } pas { $regime }
cond-partnership = { $state } a { $kind-a } avec { $power }
cond-partnership-not = { $state } sans { $kind } avec { $power }
cond-partnership-any = { $state } en partenariat avec { $power }
cond-partnership-any-not = { $state } sans partenariat avec { $power }
cond-offers = { $power } { $power-gender ->
        [plural] proposent
       *[other] propose
    } { $kind-a }
cond-offers-not = { $power } { $power-gender ->
        [plural] ne proposent plus
       *[other] ne propose plus
    } { $kind-a }
cond-exports = { $state } exporte : { $export }
cond-exports-not = { $state } n'exporte plus : { $export }
cond-indicator = { $indicator } { $state-of } : { $cmp } { $value } (actuellement { $now })
cond-elapsed = { $months } mois joués (actuellement { $now })
cond-projects-open = { $bloc } a des projets en cours
cond-courts = { $power } { $power-gender ->
        [plural] courtisent
       *[other] courtise
    } { $state }
cond-wants = { $power } { $power-gender ->
        [plural] convoitent
       *[other] convoite
    } les exportations { $state-of }
cond-toward-rivals = position { $state-of } envers les rivaux { $power-of } : { $cmp } { $value }
cond-spare-capacity = { $power } { $power-gender ->
        [plural] disposent
       *[other] dispose
    } de forces disponibles
cond-conditionality = exigences { $power-of } : { $cmp } { $value }
cond-relation = relations entre { $state } et { $other } : { $cmp } { $value } (actuellement { $now })
cond-members = { $bloc } compte { $cmp } { $value } membres
cond-project = { $bloc } a achevé { $project-the }
cond-alignment = position { $state-of } envers { $power } : { $cmp } { $value } (actuellement { $now })
cond-start = au début
cond-date = en { $date }
cond-from = dès { $date }
cond-before = avant { $date }
cond-chance = { $percent } % de chances
cond-combination = une combinaison
cond-not = pas : { $cond }

unmet-needs = il faut : { $needs }
unmet-not-while = impossible tant que : { $blocking }
unmet-both = il faut : { $needs } ; impossible tant que : { $blocking }

## Pourquoi une décision est impossible maintenant

refusal-foreign = { $decision } : décision réservée à une puissance étrangère
refusal-aim = `{ $id }` ne peut pas viser cette cible
refusal-closed = { $decision } : ce gouvernement ne peut pas la prendre maintenant
refusal-unmet = { $decision } : { $unmet }
refusal-capital = { $decision } coûte { $cost } de capital politique ; il en reste { NUMBER($left, minimumFractionDigits: 1) } ce mois-ci

## Ce qu'une décision doit produire

effect-change = { $indicator } { $state-of } { $delta-signed }
effect-talks = ouverture de négociations : { $kind }
effect-expel = les forces de la puissance partent
effect-standing = position envers la puissance { $delta-signed }
effect-relations = relations { $delta-signed }
effect-border-closes = la frontière se ferme
effect-border-opens = la frontière s'ouvre
effect-withdrawal = retrait annoncé (effectif après préavis)
effect-membership = adhésion
effect-grain-ban = exportations de céréales interdites
effect-grain-resume = reprise des exportations de céréales
effect-partnership-ends = fin : { $kind }
effect-talks-advance = les négociations avancent d'une étape
effect-urge-sanctions = les blocs communs sanctionnent { $state }
effect-urge-lifting = les blocs communs lèvent les sanctions visant { $state }
effect-mediation-by = { $mediator } (le mieux placé auprès des deux) sert de médiateur entre { $first } et { $second } : leurs relations { $delta-signed }
effect-mediation-nobody = aucun État n'est actuellement en bons termes avec { $first } et { $second } : personne ne servirait de médiateur
effect-mediation-any = un État en bons termes avec les deux sert de médiateur
effect-mediation-offered = { $mediator } sert de médiateur entre { $first } et { $second } : leurs relations { $delta-signed }, et les nôtres avec chacun { $gain-signed }
effect-mediation-no-quarrel = { $state } n'a actuellement aucun différend à régler
effect-mediation-neighbour = nous servons de médiateur dans le différend d'un voisin
effect-pact-asked = { $state } est { $state-gender ->
        [feminine] sollicitée
        [plural] sollicités
       *[other] sollicité
    } et répond le mois prochain
effect-pact-if = un pacte de défense mutuelle avec { $state } si les relations atteignent { $needed } ou plus (actuellement { $now })
effect-pact-any = un pacte de défense mutuelle, s'ils sont en bons termes
effect-suspend = { $state } { $state-gender ->
        [feminine] suspendue
        [plural] suspendus
       *[other] suspendu
    } du bloc
effect-reinstate = { $state } { $state-gender ->
        [feminine] réintégrée
        [plural] réintégrés
       *[other] réintégré
    } dans le bloc
effect-pact-founded = fondation : { $pact }
effect-confederation = le pacte devient une confédération
effect-relations-with = relations avec { $state } { $delta-signed }
effect-standing-toward = position envers { $power } { $delta-signed }
effect-project = { $project-the } avance
effect-project-any = un projet du bloc avance
effect-discredit = position envers les rivaux de la puissance { $delta-signed }
effect-other = { $effect }
effect-with-chance = { $what } ({ $percent } % de chances)
effect-with-delay = { $what } (dans { $months } mois)
effect-with-chance-delay = { $what } ({ $percent } % de chances, dans { $months } mois)

## Leviers : ce qu'une décision fait avancer vers un objectif

lever-indicator = { $indicator } { $delta-signed }
lever-guards = { $indicator } { $delta-signed } : protège contre un coup d'État
lever-sanctions-lifted = levée des sanctions
lever-membership = adhésion
lever-withdrawal = retrait
lever-talks = négociations : { $kind }
lever-relations = meilleures relations

## Saisie refusée

input-no-state = `{ $id }` n'est pas un État de ce scénario
input-no-power = `{ $id }` n'est pas une puissance de ce scénario
input-no-bloc = `{ $id }` n'est pas un bloc existant
input-seat-twice = `{ $id }` est nommé deux fois : une personne par État
input-not-played = `{ $id }` n'est joué par personne dans cette partie
input-no-player = aucun gouvernement n'est joué : les décisions demandent un joueur (play --as ID)
input-offer-closed = l'offre { $offer } n'attend pas de réponse
input-offer-not-played = l'offre { $offer } concerne un État que personne ne joue
input-no-event = `{ $id }` n'est pas un événement de ce scénario
input-choice-closed = aucun choix de `{ $id }` n'attend de réponse
input-choice-options = `{ $id }` a { $options } options, numérotées à partir de 0
input-decision-not-played = les décisions sont réservées aux États joués
input-no-decision = `{ $id }` n'est pas une décision du catalogue
input-power-decision = `{ $id }` est une décision de puissance étrangère, pas de gouvernement
input-no-target = `{ $id }` ne prend pas de cible
input-needs-target = `{ $id }` demande une cible ({ $kind })
target-kind-none = aucune
target-kind-state = un État
target-kind-neighbour = un État voisin
target-kind-power = une puissance étrangère
target-kind-own_bloc = un de ses blocs
target-kind-other_bloc = un bloc dont il n'est pas membre
input-not-queued = `{ $id }` n'est pas prévu pour ce mois

## Ordre refusé (d'un script ou d'une sauvegarde)

order-not-own = { $by } ne peut pas décider pour { $for }
order-amount = un changement de { $amount } est impossible : donnez un nombre entre -200 et 200
order-not-allowed = `{ $effect }` n'est pas un ordre qu'un gouvernement peut donner ; les ordres ouvrent, font avancer, terminent ou expulsent des partenariats, alignent, rapprochent, rendent visite, servent de médiateur ou demandent une médiation, rappellent des ambassadeurs, ferment ou ouvrent des frontières, plaident pour ou contre des sanctions, proposent des pactes, interdisent ou autorisent les exportations de céréales, et rejoignent, annoncent un retrait ou quittent des blocs
order-not-a-party = `{ $id }` n'est ni un État, ni une puissance, ni un bloc
