# Les messages propres à la ligne de commande (les rapports sont dans report.ftl).

cli-error = erreur : { $message }
cli-fix-problems = Corrigez les problèmes ci-dessus (voir docs/scenarios.md), puis réessayez.
cli-cannot-write-output = impossible d'écrire la sortie : { $reason }
cli-no-folder = impossible d'écrire { $path } : le dossier { $folder } n'existe pas
cli-is-folder = impossible d'écrire { $path } : c'est un dossier ; donnez un nom de fichier
cli-cannot-write = impossible d'écrire { $path } : { $reason }
cli-cannot-create = impossible de créer { $path } : { $reason }
cli-play-twice = `{ $id }` est donné deux fois à --as : un joueur par État
cli-play-not-playable = `{ $id }` n'est pas jouable dans { $scenario } ; États jouables : { $playable }
cli-play-observer-only = aucun (observateur seulement)
cli-new-bad-name = `{ $name }` n'est pas un nom de scénario : utilisez de 1 à 40 lettres minuscules, chiffres et `_` (par exemple `lac_tchad_2015`)
cli-new-shipped-name = `{ $name }` est le nom d'un scénario fourni avec le jeu ; choisissez-en un autre
cli-new-exists = { $path } existe déjà ; il a été laissé tel quel. Choisissez un autre nom ou --out FICHIER.
cli-new-wrote = { $path } écrit.
cli-new-next = Ensuite : modifiez-le (docs/scenarios.md explique chaque champ), puis
cli-validate-strict = { $file } : { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }, échec avec --strict
cli-validate-bad = { $bad ->
        [one] { $bad } fichier
       *[other] { $bad } fichiers
    } sur { $files } { $bad ->
        [one] a des problèmes
       *[other] ont des problèmes
    }.
cli-validate-rules-ok = { $file } : ok ({ $rules } règles modifiées)
cli-validate-ok = { $file } : ok ({ $states } États, { $powers } puissances, { $blocs } blocs, { $events } événements{ $points ->
        [0] {""}
       *[other] , un historique de { $points } moments clés jusqu'à { $until }
    })

## Parties sauvegardées illisibles ou impossibles à écrire (fenêtre et ligne de commande)

save-error-read = impossible de lire { $path } : { $reason }
save-error-format = { $path } n'est pas une sauvegarde de Harmattan : { $reason }
save-error-newer = { $path } a été enregistré dans un format plus récent ({ $found }) ; cette version lit le format { $format }
save-error-older = { $path } a été enregistré par une version antérieure du jeu (format { $found }), dont le modèle diffère : la partie ne peut pas être poursuivie fidèlement ici. Commencez une nouvelle partie, ou utilisez cette version pour la poursuivre.
save-error-scenario = le scénario contenu dans { $path } ne se charge plus :
    { $reason }
save-error-diverged = { $path } se rejoue différemment dans cette version du jeu (il a été enregistré par la version { $version }) : le modèle a changé depuis. Commencez une nouvelle partie, ou utilisez la version { $version } pour la poursuivre.
save-error-replay = { $path } : { $reason }
save-error-tampered = { $path } a été modifié depuis son enregistrement (son sceau ne correspond plus à son contenu) : on ne peut pas s'y fier pour rejouer la partie. Les sauvegardes ne sont pas faites pour être modifiées : chargez-en une autre ou commencez une nouvelle partie.
save-error-write = impossible d'écrire { $path } : { $reason } ; rien n'a été écrasé
