# Les mots que partagent tous les écrans et rapports : dates, nombres,
# listes, formes des noms et vocabulaire fixe du jeu.

## Mois et dates

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
date-month-year = { $month } { $year }
# Espace fine insécable (U+202F) avant le signe %.
percent = { $value } %

## Listes : « le Mali, le Burkina Faso et le Niger »

list-comma = { $init }, { $next }
list-last = { $init } et { $next }
list-or = { $init } ou { $next }

## Formes d'un nom dans une phrase, quand la traduction du scénario ne les
## donne pas ($the : « le Mali » ; $name : « Mali »).

form-of = de { $the }
form-in = à { $the }
form-to = à { $the }

bloc-formed = Alliance { $founders-of }
    .the = l'Alliance { $founders-of }
    .of = de l'Alliance { $founders-of }
    .gender = feminine

## Partenariats avec les puissances étrangères

partnership-defence_cooperation = accord de coopération de défense
    .a = un accord de coopération de défense
    .the = l'accord de coopération de défense
    .gender = masculine
    .deal = un accord de coopération de défense
    .the-deal = l'accord de coopération de défense
partnership-training_equipment = programme de formation et d'équipement
    .a = un programme de formation et d'équipement
    .the = le programme de formation et d'équipement
    .gender = masculine
    .deal = un accord de formation et d'équipement
    .the-deal = l'accord de formation et d'équipement
partnership-security_contractors = déploiement de sociétés militaires privées
    .a = un déploiement de sociétés militaires privées
    .the = le déploiement de sociétés militaires privées
    .gender = masculine
    .deal = un accord de déploiement de sociétés militaires privées
    .the-deal = l'accord de déploiement de sociétés militaires privées
partnership-expeditionary_corps = déploiement d'un corps expéditionnaire
    .a = un déploiement de corps expéditionnaire
    .the = le déploiement du corps expéditionnaire
    .gender = masculine
    .deal = un accord de déploiement d'un corps expéditionnaire
    .the-deal = l'accord de déploiement du corps expéditionnaire
partnership-base = base militaire
    .a = une base militaire
    .the = la base militaire
    .gender = feminine
    .deal = un accord de base militaire
    .the-deal = l'accord sur la base militaire
partnership-mining_concession = concession minière
    .a = une concession minière
    .the = la concession minière
    .gender = feminine
    .deal = une concession minière
    .the-deal = la concession minière
partnership-energy_concession = concession énergétique
    .a = une concession énergétique
    .the = la concession énergétique
    .gender = feminine
    .deal = une concession énergétique
    .the-deal = la concession énergétique
partnership-space_programme = programme spatial
    .a = un programme spatial
    .the = le programme spatial
    .gender = masculine
    .deal = un accord de programme spatial
    .the-deal = l'accord de programme spatial

## Étapes des négociations (noms : « la rédaction est achevée »)

stage-proposed = proposition
    .the = la proposition
    .gender = feminine
stage-drafted = rédaction
    .the = la rédaction
    .gender = feminine
stage-reviewed = examen
    .the = l'examen
    .gender = masculine
stage-approved = approbation
    .the = l'approbation
    .gender = feminine
stage-signed = signature
    .the = la signature
    .gender = feminine
stage-in_force = entrée en vigueur
    .the = l'entrée en vigueur
    .gender = feminine
stage-suspended = suspension
    .the = la suspension
    .gender = feminine
stage-ended = fin
    .the = la fin
    .gender = feminine

## Projets d'une confédération

project-joint_force = force unifiée
    .the = la force unifiée
project-passport = passeport commun
    .the = le passeport commun
project-media = médias communs
    .the = les médias communs
project-common_market = marché commun
    .the = le marché commun
project-currency = monnaie commune
    .the = la monnaie commune
project-federation = fédération
    .the = la fédération

## Régimes

regime-civilian = civil
regime-military_junta = junte militaire
regime-transitional = transition

## Types de bloc

bloc-kind-economic_community = communauté économique
bloc-kind-monetary_union = union monétaire
bloc-kind-defence_pact = pacte de défense
bloc-kind-confederation = confédération

## Grades militaires en tête d'un nom (« Captain Ibrahim Traoré » :
## « le capitaine Ibrahim Traoré »)

rank-Colonel = colonel
    .the = le colonel
    .to = au colonel
rank-Lieutenant-Colonel = lieutenant-colonel
    .the = le lieutenant-colonel
    .to = au lieutenant-colonel
rank-Captain = capitaine
    .the = le capitaine
    .to = au capitaine
rank-General = général
    .the = le général
    .to = au général
rank-Commander = commandant
    .the = le commandant
    .to = au commandant
rank-Major = commandant
    .the = le commandant
    .to = au commandant
rank-Brigadier = général de brigade
    .the = le général de brigade
    .to = au général de brigade
rank-Brigadier-General = général de brigade
    .the = le général de brigade
    .to = au général de brigade
rank-Lieutenant-General = général de corps d'armée
    .the = le général de corps d'armée
    .to = au général de corps d'armée

## Indicateurs

indicator-stability = stabilité
indicator-legitimacy = légitimité
indicator-military_loyalty = loyauté de l'armée
indicator-coup_proofing = protection contre les coups d'État
indicator-insurgency = insurrection
indicator-control = contrôle du territoire
indicator-military = force militaire
indicator-growth = croissance
indicator-food_insecurity = insécurité alimentaire

## Causes des changements (le registre)

mechanism-drift = retour à la normale
mechanism-fortune = hasard
mechanism-legitimacy = légitimité
mechanism-fragility = fragilité de l'État
mechanism-insurgency = insurrection
mechanism-insurgency_spread = insurrection au-delà des frontières
mechanism-counter_insurgency = contre-insurrection
mechanism-territorial_control = contrôle du territoire
mechanism-economy = économie
mechanism-sanctions = sanctions
mechanism-food = faim
mechanism-grain_exports = interdictions d'exporter des céréales
mechanism-rally = union face aux pressions
mechanism-junta_fatigue = transition qui s'éternise
mechanism-consolidation = junte qui s'enracine
mechanism-transition = retour à un gouvernement élu
mechanism-settlement = insurrection réglée ou épuisée
mechanism-coup = coup d'État
mechanism-failed_coup = coup d'État manqué
mechanism-partnership = partenariat
mechanism-diplomacy = diplomatie
mechanism-alignment = alignement
mechanism-bloc = bloc
mechanism-scripted_event = événement
mechanism-order = décision du gouvernement

## Ce que l'historique dit d'un État (à côté des avenirs)

befell-coup = coup d'État, { $month }
befell-failed-coup = coup d'État manqué, { $month }
befell-founds = fonde { $pact }, { $month }
befell-leaves = quitte { $bloc }, { $month }
befell-separator = {" ; "}

## Les exportations intégrées (celles propres à un scénario se traduisent dans son fichier)

export-Gold = or
export-Uranium = uranium
export-Oil = pétrole
export-Gas = gaz
export-Cotton = coton
export-Cocoa = cacao
export-Coffee = café
export-Cashew = noix de cajou
export-Bauxite = bauxite
export-IronOre = minerai de fer
export-Manganese = manganèse
export-Phosphate = phosphate
export-Diamonds = diamants
export-Livestock = bétail
export-Fish = poisson
export-Groundnuts = arachide
export-Timber = bois
export-Rubber = caoutchouc
export-Services = services
