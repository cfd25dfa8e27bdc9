# Les nouvelles. Un nom comme $state se lit comme dans une phrase (« le
# Mali ») ; $state-name est le nom seul, $state-of (« du Mali ») et
# $state-in (« au Mali ») ses autres formes, $state-gender son genre.
# La première lettre de chaque nouvelle est mise en majuscule.

news-bloc-joined = { $state } rejoint { $bloc }.
news-withdrawal-announced = { $state } annonce son retrait { $bloc-of }, effectif en { $effective }.
news-bloc-left = { $state } quitte { $bloc }.
news-bloc-dissolved = { $bloc } { $bloc-gender ->
        [feminine] est dissoute
        [plural] sont dissous
       *[masculine] est dissous
    }.
news-suspended = { $bloc } suspend { $state } de ses instances.
news-reinstated = { $bloc } réintègre { $state }.
news-sanctions-imposed = { $bloc } impose des sanctions { $state-to }.
news-sanctions-lifted = { $bloc } lève les sanctions visant { $state }.
news-intervention-threatened = { $bloc } menace d'intervenir militairement pour rétablir l'ordre constitutionnel { $state-in }.
news-pact-formed = { $founders } signent un pacte de défense mutuelle : { $bloc } ({ $bloc-code }).
news-confederation = { $bloc } devient une confédération.
news-confederation-renamed = { $was-the } devient une confédération : { $bloc }.
news-confederation-renamed-formed = L'Alliance { $founders-of } devient une confédération : { $bloc }.
news-project-completed = { $bloc } achève { $project-the }.

news-partnership-talks = { $state } et { $power } ouvrent des négociations sur { $kind-a }.
news-partnership-signed = { $state } et { $power } signent { $kind-deal }.
news-partnership-brought-into-force = { $state } et { $power } mettent en vigueur { $kind-deal }.
news-partnership-in-force = { $kind-the-deal } entre { $state } et { $power } entre en vigueur.
news-partnership-suspended = { $power } { $power-gender ->
        [plural] suspendent
       *[other] suspend
    } { $kind-the-deal } avec { $state }.
news-partnership-talks-failed = Les négociations entre { $state } et { $power } sur { $kind-a } échouent.
news-partnership-ended = { $kind-the-deal } entre { $state } et { $power } prend fin.
news-partnership-advanced = Négociations entre { $state } et { $power } sur { $kind-a } : { $stage-the } est { $stage-gender ->
        [feminine] achevée
       *[other] achevé
    }.
news-forces-expelled = { $state } ordonne le départ des forces { $power-of }.

news-mediation = { $mediator } sert de médiateur entre { $first } et { $second }.
news-no-mediation = Pas de médiation entre { $first } et { $second } : { $why }.
why-no-mediator = aucun État n'est en bons termes avec les deux
why-no-quarrel = il n'y a pas de différend à régler
news-already-allies = { $first } et { $second } sont déjà alliés au sein { $bloc-of }.
news-pact-declined = { $second } décline la proposition de pacte de défense { $first-of }.

news-coup = Coup d'État { $state-in } : { $leader } prend le pouvoir et renverse { $ousted }.
news-coup-failed = Une tentative de coup d'État contre { $ousted } échoue { $state-in } ; des purges suivent.
news-leader-changed = { $leader } dirige désormais { $state }.
news-elections-transition-kept = Des élections { $state-in } mettent fin à la transition : { $leader } est élu président.
news-elections-transition = Des élections { $state-in } mettent fin à la transition : { $leader } succède { $before-to }.
news-elections-junta-kept = Des élections { $state-in } mettent fin au régime militaire : { $leader } est élu président.
news-elections-junta = Des élections { $state-in } mettent fin au régime militaire : { $leader } succède { $before-to }.
news-insurgency-recedes = L'insurrection recule { $state-in } : les groupes armés sont épuisés, divisés ou négocient.
news-grain-ban = { $state } interdit les exportations de céréales.
news-grain-ban-lifted = { $state } lève son interdiction d'exporter des céréales.

news-event = { $title }
news-scripted = { $text }
news-choice-yours = { $state-name } : votre gouvernement a choisi « { $choice } »
news-choice-theirs = { $state-name } : son gouvernement a choisi « { $choice } »
news-goal-reached = { $state-name } : objectif atteint : { $goal }.
news-goal-failed = { $state-name } : objectif manqué : { $goal }.

news-decision = { $who-name } : { $decision }.
news-decision-why = { $who-name } : { $decision } ; raisons : { $reasons }.
news-decision-on = { $who-name } : { $decision } ({ $target-name }).
news-decision-on-why = { $who-name } : { $decision } ({ $target-name }) ; raisons : { $reasons }.
news-decision-refused = { $state-name } n'a pas pu appliquer une décision : { $reason }.

## Offres faites au joueur

news-offer = { $question } { CAP($state) } doit encore répondre.
news-offer-lapsed = { $state } laisse { $what } sans réponse.
news-offer-declined = { $state } décline { $what }.

offer-pact-invitation = { CAP($from) } invite { $to } à rejoindre { $bloc }.
offer-pact = { CAP($from) } propose un pacte de défense mutuelle { $to-to }.
offer-partnership = { CAP($power) } { $power-gender ->
        [plural] proposent
       *[other] propose
    } { $kind-a } { $to-to }.
offer-mediation-asked = { CAP($from) } demande { $to-to } de servir de médiateur entre { $first } et { $second }.
offer-mediation = { CAP($mediator) } propose sa médiation entre { $first } et { $second }.

offer-phrase-pact-invitation = l'invitation { $from-of } à rejoindre son pacte
offer-phrase-pact = la proposition de pacte de défense { $from-of }
offer-phrase-partnership = l'offre { $power-of } ({ $kind })
offer-phrase-mediation = la demande de médiation { $from-of }

offer-yes-pact-invitation = Vous rejoignez la défense mutuelle de ses membres : chacun vient en aide aux autres face aux insurgés.
offer-yes-pact = Vous rejoignez son pacte, il rejoint le vôtre, ou vous en fondez un ensemble : chacun vient en aide à l'autre face aux insurgés.
offer-no-pact = { CAP($from) } essuie un refus ; rien ne change.
offer-yes-partnership = Les négociations avancent d'une étape maintenant, puis vers l'entrée en vigueur.
offer-no-partnership = Les négociations prennent fin.
offer-yes-mediation = Les relations entre { $first } et { $second } s'améliorent, et tous deux voient { $mediator } d'un meilleur œil.
offer-no-mediation = Pas de médiation cette fois.
