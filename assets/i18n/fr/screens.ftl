# Les écrans de la fenêtre et leurs fenêtres : le menu principal, le
# briefing, les objectifs et l'écran de fin, Votre mois, l'enregistrement,
# le chargement et le rechargement à chaud.

## Votre mois (le bilan après Fin du tour)

month-title = Votre mois
month-heading = { $state } : { $month }
month-your-decisions = Vos décisions
month-no-decisions = Vous n'avez pris aucune décision ce mois-ci (Décisions, ou D).
month-what-moved = Ce qui a changé
month-nothing-moved = Rien n'a varié d'un demi-point ou plus.
month-at-home = Dans votre pays
month-no-news = Aucune nouvelle.
month-next-door = Chez les voisins
month-quiet-borders = Calme aux frontières.
month-semicolon = {" ; "}
month-decision-on = { $decision } ({ $target })
month-decision = { $decision } : { $what }
month-decision-and-news = { $decision } : { $what } — { $news }
# « stabilité du Niger »
month-measure-of = { $measure } { $state-of }
month-measure-standing = proximité avec { $power }
month-outcome-relations = relations entre { $a } et { $b }
month-outcome-refused = non exécutée : { $reason }
month-outcome-no-luck = n'a pas abouti cette fois (c'était une question de chance)
month-outcome-later = prend effet en { $month }
month-outcome-done = exécutée
# $offer : « l'offre de la Russie : une base militaire »
month-answer-accepted = Vous avez accepté { $offer }
month-answer-declined = Vous avez décliné { $offer }
month-answer-choice = { $event } : { $choice }
month-change = { $indicator } { $value } ({ $delta }) : { $causes }

## Objectifs, briefing et écran de fin

goals-title = Objectifs
goals-none = Ce scénario ne fixe aucun objectif à votre État : jouez comme bon vous semble.
goals-status-open = en cours
goals-status-won = atteint au mois { $turn }
goals-status-lost = manqué au mois { $turn }
goals-to-win = Pour gagner :
goals-met = rempli : { $condition }
goals-not-yet = pas encore : { $condition }
goals-lost-if = Perdu si :
goals-holds-now = c'est le cas : { $condition }
goals-does-not-hold = ce n'est pas le cas : { $condition }
goals-levers = Leviers (dans Décisions) :
goals-lever = { $name } : { $what }
goals-briefing-lead = Vous dirigez { $state }.
goals-briefing-goal = { $name } : { $description }
goals-briefing-help = Objectifs (G) montre où en est chacun ; Décisions (D), ce que vous pouvez faire ; Fin du tour fait passer le mois.
goals-begin = Commencer
goals-victory = Victoire
goals-defeat = Défaite
goals-mixed-record = Un bilan mitigé
goals-end-title = { $verdict } — { $state }
goals-turning-points = Moments décisifs
goals-continue-observer = Continuer en observateur
goals-keep-playing = Continuer à jouer
goals-main-menu = Menu principal

## Le menu principal

menu-intro = L'Afrique de l'Ouest et le Sahel depuis 2020 : choisissez un point de départ, un gouvernement, et jouez mois par mois.
menu-scenario = Scénario
menu-does-not-load = (ne se charge pas)
menu-mod-title = { $title } (mod : { $name })
menu-choose = Choisissez un scénario à gauche.
menu-scenario-broken = Ce scénario ne se charge pas :
# « mois » est invariable ; « début : » évite « de août ».
menu-span = Début : { $start } ; durée : { $turns } mois.
menu-warning = Ligne { $line } : { $message }
menu-play-as = Jouer en tant que
menu-hot-seat = Chacun son tour : plusieurs joueurs sur cet ordinateur
menu-observer = Observateur (aucun gouvernement)
menu-semicolon = {" ; "}
menu-state-goals = { $state } — { $goals }
menu-seed = Graine
menu-history = Histoire réelle : jusqu'en { $until }, ce qui s'est vraiment passé (coups d'État, pactes, retraits) survient à sa date
menu-history-hint = Pour une classe : jouez ou regardez l'histoire réelle, puis demandez « Et ensuite ? » et comparez les avenirs possibles du modèle avec ce qui s'est passé. Les avenirs possibles ne rejouent jamais l'histoire réelle.
menu-start = Commencer ▶
menu-seed-error = La graine doit être un nombre entier, positif ou nul.
menu-continue = Continuer (sauvegarde rapide)
menu-or-load = ou charger
menu-load-hint = saves/ma-partie.ron
menu-load = Charger
menu-back = Retour à la partie
menu-settings = Réglages
menu-quit = Quitter
menu-new-game = Une nouvelle partie commence.

## Enregistrement, chargement et rechargement à chaud (quelques secondes dans la barre du haut)

saves-saved = Partie enregistrée dans { $path }.
saves-exported = Exportation terminée : { $csv } et { $json }.
saves-loaded = Partie chargée depuis { $path }.
reload-done = { $file } rechargé : la partie a repris depuis le début.
reload-error-title = Le scénario modifié ne se charge pas
reload-error-help = La partie continue avec la dernière version chargée. Corrigez ces erreurs puis enregistrez le fichier :
