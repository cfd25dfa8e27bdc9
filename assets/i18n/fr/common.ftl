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
# Espace fine insécable avant le signe %.
percent = { $value } %

## Listes : « le Mali, le Burkina Faso et le Niger »

list-comma = { $init }, { $next }
list-last = { $init } et { $next }

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
partnership-training_equipment = programme de formation et d'équipement
    .a = un programme de formation et d'équipement
    .the = le programme de formation et d'équipement
    .gender = masculine
partnership-security_contractors = déploiement de sociétés militaires privées
    .a = un déploiement de sociétés militaires privées
    .the = le déploiement de sociétés militaires privées
    .gender = masculine
partnership-expeditionary_corps = déploiement d'un corps expéditionnaire
    .a = un déploiement de corps expéditionnaire
    .the = le déploiement du corps expéditionnaire
    .gender = masculine
partnership-base = base militaire
    .a = une base militaire
    .the = la base militaire
    .gender = feminine
partnership-mining_concession = concession minière
    .a = une concession minière
    .the = la concession minière
    .gender = feminine
partnership-energy_concession = concession énergétique
    .a = une concession énergétique
    .the = la concession énergétique
    .gender = feminine
partnership-space_programme = programme spatial
    .a = un programme spatial
    .the = le programme spatial
    .gender = masculine

## Étapes des négociations

stage-proposed = proposé
stage-drafted = rédigé
stage-reviewed = examiné
stage-approved = approuvé
stage-signed = signé
stage-in_force = en vigueur
stage-suspended = suspendu
stage-ended = terminé

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
