# Le cadre de la fenêtre de jeu : la barre du haut, le panneau de l'État
# sélectionné, les actualités, la légende et l'infobulle de la carte, les
# moments clés, les offres et les choix.
#
# Un argument de nom ($state) se lit comme dans une phrase (« le Mali ») ;
# $state-of donne « du Mali », $state-to « au Mali ». Une étiquette seule
# reçoit déjà le nom nu (« Mali »).

## Passage de la main (plusieurs joueurs sur un même ordinateur)

frame-hand-over-title = Joueur suivant
frame-hand-over-turn = C'est au tour { $state-of }.
frame-hand-over-pass = Passez la souris au joueur { $state-of }.
frame-hand-over-ready = Je suis prêt

## Barre du haut

frame-end-turn = Fin du tour ▶
frame-pass-to = Passer la main { $state-to } ▶
frame-end-turn-hint = Jouer le mois (Espace ou Entrée)
frame-end-turn-wait = Prenez d'abord connaissance des actualités
frame-pause = Pause
frame-run = Lancer ▶
frame-run-hint = Faire défiler les mois (P)
frame-speed = { $count ->
    [one] { $count } mois par seconde
   *[other] { $count } mois par seconde
}
frame-speed-half = un mois toutes les 2 secondes
frame-stop-at-headlines = s'arrêter aux moments clés
# « août 2023 — tour 3 »
frame-date = { $date } — tour { $turn }
frame-playing = Votre pays : { $state }
frame-playing-observer = Mode observateur
frame-map-mode-hint = Mode de carte (touche { $key })
frame-decisions = Décisions
frame-decisions-hint = Les décisions de votre gouvernement (touche D)
frame-month = Votre mois
frame-month-hint = Ce qu'a donné le mois dernier, et pourquoi
frame-month-wait = Après votre premier mois
frame-goals = Objectifs
frame-goals-hint = Vos objectifs et où ils en sont (touche G)
frame-futures = Avenirs possibles
frame-futures-hint = Et ensuite ? De nombreux avenirs possibles à partir d'aujourd'hui, comparés (touche F)
frame-charts = Graphiques
frame-charts-hint = L'évolution des indicateurs (touche C)
frame-game-menu = Menu du jeu
frame-quick-save = Enregistrement rapide (F5)
frame-quick-load = Chargement rapide (F9)
frame-export = Exporter l'historique
frame-export-hint = L'historique de la partie (CSV) et toutes ses données (JSON), dans exports/
frame-settings = Réglages
frame-main-menu = Menu principal

## Modes de la carte (boutons de la barre du haut et titre de la légende)

map-mode-political = Politique
map-mode-blocs = Blocs
map-mode-alignment = Alignement
map-mode-stability = Stabilité
map-mode-control = Contrôle
map-mode-regime = Régime
map-mode-food = Alimentation

## Fil d'actualités

frame-news = Actualités
frame-news-only = seulement { $state }
frame-news-only-selected = seulement l'État sélectionné
frame-news-major-only = événements majeurs seulement
frame-topic-all = toutes les actualités
frame-topic-coups = coups d'État et dirigeants
frame-topic-blocs = blocs et sanctions
frame-topic-partnerships = partenaires étrangers
frame-topic-economy = alimentation et commerce
frame-topic-scenario = histoire et objectifs
# L'option historique : les événements réels arrivent à leur date jusqu'en $date.
frame-record-on = Conforme à l'histoire jusqu'en { $date }
frame-record-on-hint = Option historique : ce qui s'est réellement passé (coups d'État, pactes, retraits) arrive à sa date, et le modèle ne décide rien de lui-même avant la fin de l'histoire connue. « Et ensuite ? » montre les avenirs propres au modèle, pour les comparer avec elle.
frame-record-past = Au-delà de l'histoire connue (elle s'arrête en { $date })
frame-record-past-hint = Option historique : l'histoire connue est terminée ; le modèle décide désormais de tout.

## Le panneau de l'État sélectionné

frame-you = vous
# « Capitaine Ibrahim Traoré — junte militaire depuis septembre 2022 »
frame-leader-since = { $leader } — { $regime } depuis { $date }
frame-regime-civilian = gouvernement civil
frame-regime-military_junta = junte militaire
frame-regime-transitional = transition
frame-grain-ban = Interdit l'exportation de céréales.
frame-indicators = Indicateurs (variation du mois dernier, par cause)
frame-indicator-stability = Stabilité
frame-indicator-legitimacy = Légitimité
frame-indicator-military_loyalty = Loyauté de l'armée
frame-indicator-coup_proofing = Protection contre les coups
frame-indicator-insurgency = Insurrection
frame-indicator-control = Territoire contrôlé (%)
frame-indicator-military = Capacité militaire
frame-indicator-growth = Croissance (% par an)
frame-indicator-food_insecurity = Insécurité alimentaire (%)
frame-no-change = Aucune variation le mois dernier.
frame-blocs = Blocs
frame-bloc-suspended = membre suspendu
frame-bloc-leaving = retrait prévu en { $date }
frame-bloc-sanctioned = sous ses sanctions
frame-none = Aucun.
frame-partnerships = Partenariats
# $stage est un nom : « France : base militaire — entrée en vigueur en mai 2020 »
frame-partnership = { $power } : { $kind } — { $stage } en { $date }
frame-standing = Proximité avec les puissances
frame-relations = Relations avec les voisins

## La légende de la carte

frame-legend-title = Carte : { $mode }
frame-legend-political = Chaque État a sa propre couleur.
frame-legend-outside = hors du scénario
frame-legend-no-bloc = dans aucun bloc
frame-legend-blocs-hint = Un État prend la couleur de son union la plus étroite ; plus pâle s'il est suspendu.
frame-legend-close = +100 proche
frame-legend-neutral = 0 neutre
frame-legend-hostile = −100 hostile
frame-legend-solid = 90 solide
frame-legend-ordinary = 50 ordinaire
frame-legend-fragile = 30 fragile
frame-legend-collapsing = 10 en effondrement
frame-legend-control = { $share } du territoire contrôlé
frame-legend-food = { $share } en crise alimentaire

## L'infobulle de l'État sous le pointeur

frame-tooltip-stability = Stabilité { $stability } · Légitimité { $legitimacy }
frame-tooltip-security = Insurrection { $insurgency } · Contrôle { $control }
frame-tooltip-economy = Croissance { $growth } · Crise alimentaire { $food }
frame-tooltip-click = Cliquez pour les détails

## Causes des changements, avec qui y a pris part : « coup d'État (Niger) »

causes-the-record = histoire réelle
causes-an-event = un événement
causes-a-decision = une décision

## Moments clés : ce qui y a conduit

headline-source = Source historique : { $source }
headline-what-led-here = Ce qui y a conduit :
headline-ok = OK
headline-more = { $count ->
    [one] encore { $count } autre
   *[other] encore { $count } autres
}
# Un coup d'État : les chances avant la tentative.
headline-coup-before = Avant la tentative, { $state } sous { $leader } ({ $regime }) : stabilité { $stability }, légitimité { $legitimacy }, loyauté de l'armée { $loyalty }, insurrection { $insurgency }, protection contre les coups d'État { $proofing }.
headline-regime-civilian = un gouvernement élu
headline-regime-military_junta = une junte militaire
headline-regime-transitional = un gouvernement de transition
headline-coup-forced = La tentative était fixée par l'histoire du scénario.
headline-coup-chance = Probabilité d'une tentative ce mois-là : { $chance }.
headline-coup-raised = Ce qui a accru le risque (en logit) : { $terms }.
headline-coup-lowered = Ce qui l'a réduit : { $terms }.
headline-coup-succeeded = Probabilité qu'une tentative réussisse : { $chance } ; elle a réussi.
headline-coup-failed = Probabilité qu'une tentative réussisse : { $chance } ; elle a échoué.
# Une probabilité trop faible pour être affichée : « moins de 1 % ».
headline-under = moins de { $share }
headline-term-low-stability = stabilité faible
headline-term-stability = stabilité
headline-term-low-legitimacy = légitimité faible
headline-term-legitimacy = légitimité
headline-term-disloyal-army = une armée déloyale
headline-term-loyal-army = une armée loyale
headline-term-insurgency = insurrection
headline-term-coup-trap = une tentative de coup d'État récente (le piège du coup d'État)
headline-term-military-rule = le pouvoir aux mains des militaires
headline-term-coup-proofing = protection contre les coups d'État
headline-term-protection = des forces étrangères qui protègent le gouvernement
# Un autre moment clé : les chiffres de chaque État, puis ce qui lui a coûté de la stabilité.
headline-why-state = { $state } : { $regime } · stabilité { $stability }, légitimité { $legitimacy }, loyauté de l'armée { $loyalty }, insurrection { $insurgency }
headline-why-stability = stabilité sur { $months } mois : { $causes }

## Choix et offres soumis au joueur

offers-choice-title = Décision
offers-choice-pick = Choisissez une option, puis terminez le tour. Sans réponse, vos ministres décideront.
offers-carried-out = Votre choix sera appliqué à la fin du tour.
offers-title = { $count ->
    [one] Une offre attend votre réponse
   *[other] { $count } offres attendent votre réponse
}
offers-if-accept = Si vous acceptez :
offers-if-decline = Si vous refusez :
offers-accept = Accepter
offers-decline = Refuser
offers-lapses = Sans réponse, l'offre expire à la fin du tour.
offers-waits = { $months ->
    [one] Elle attend votre réponse encore { $months } mois.
   *[other] Elle attend votre réponse encore { $months } mois.
}
