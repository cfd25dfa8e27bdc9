# La fenêtre des réglages.

settings-title = Réglages
settings-size = Taille de l'interface
settings-size-compact = Compacte
settings-size-normal = Normale
settings-size-large = Grande
settings-size-larger = Très grande
settings-size-projector = Vidéoprojecteur
settings-size-hint = Vidéoprojecteur : gros caractères pour l'écran d'une salle de classe. S'applique aussitôt ; conservé pour la prochaine séance.
settings-language = Langue
settings-language-hint = S'applique aussitôt, y compris à la partie en cours ; conservée pour la prochaine séance. L'option --lang de la ligne de commande choisit pour une séance.
