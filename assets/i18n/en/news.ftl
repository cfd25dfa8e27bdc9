# The news: what the simulation records, put into words. A name argument
# such as $state reads as in a sentence ("the Gambia"); $state-name is the
# bare name, $state-of and $state-in its other forms (see common.ftl).
# The first letter of each news line is made a capital.

news-bloc-joined = { $state } joins { $bloc }.
news-withdrawal-announced = { $state } announces its withdrawal from { $bloc }, effective { $effective }.
news-bloc-left = { $state } leaves { $bloc }.
news-bloc-dissolved = { $bloc } is dissolved.
news-suspended = { $bloc } suspends { $state } from its bodies.
news-reinstated = { $bloc } reinstates { $state }.
news-sanctions-imposed = { $bloc } imposes sanctions on { $state }.
news-sanctions-lifted = { $bloc } lifts its sanctions on { $state }.
news-intervention-threatened = { $bloc } threatens military intervention to restore constitutional order in { $state }.
news-pact-formed = { $founders } sign a mutual defence pact: { $bloc } ({ $bloc-code }).
news-confederation = { $bloc } becomes a confederation.
news-confederation-renamed = The { $was } becomes a confederation: { $bloc }.
news-confederation-renamed-formed = The Alliance of { $founders } becomes a confederation: { $bloc }.
news-project-completed = The { $bloc-name } completes its { $project } project.

news-partnership-talks = { $state } and { $power } open talks on { $kind-a }.
news-partnership-signed = { $state } and { $power } sign { $kind-a }.
news-partnership-brought-into-force = { $state } and { $power } bring into force { $kind-a }.
news-partnership-in-force = The { $kind } between { $state } and { $power } comes into force.
news-partnership-suspended = { $power } suspends its { $kind } with { $state }.
news-partnership-talks-failed = Talks between { $state } and { $power } on { $kind-a } break down.
news-partnership-ended = The { $kind } between { $state } and { $power } ends.
news-partnership-advanced = The { $kind } between { $state } and { $power } is { $stage }.
news-forces-expelled = { $state } orders the forces of { $power } to leave.

news-mediation = { $mediator } mediates between { $first } and { $second }.
news-no-mediation = No mediation between { $first } and { $second }: { $why }.
why-no-mediator = no state is on good terms with both
why-no-quarrel = no quarrel to settle
news-already-allies = { $first } and { $second } are already allies in { $bloc }.
news-pact-declined = { $second } declines { $first }'s proposal of a defence pact.

news-coup = Coup in { $state-name }: { $leader } seizes power, ousting { $ousted }.
news-coup-failed = A coup attempt against { $ousted } in { $state-name } fails; purges follow.
news-leader-changed = { $leader } now leads { $state-name }.
news-elections-transition-kept = Elections in { $state-name } end the transition: { $leader } is elected president.
news-elections-transition = Elections in { $state-name } end the transition: { $leader } succeeds { $before }.
news-elections-junta-kept = Elections in { $state-name } end military rule: { $leader } is elected president.
news-elections-junta = Elections in { $state-name } end military rule: { $leader } succeeds { $before }.
news-insurgency-recedes = The insurgency in { $state-name } recedes: armed groups are spent, divided or negotiating.
news-grain-ban = { $state-name } bans grain exports.
news-grain-ban-lifted = { $state-name } lifts its ban on grain exports.

news-event = { $title }
news-scripted = { $text }
news-choice-yours = { $state-name }: your government chose "{ $choice }"
news-choice-theirs = { $state-name }: its government chose "{ $choice }"
news-goal-reached = { $state-name }: goal reached: { $goal }.
news-goal-failed = { $state-name }: goal failed: { $goal }.

news-decision = { $who-name }: { $decision }.
news-decision-why = { $who-name }: { $decision }: { $reasons }.
news-decision-on = { $who-name }: { $decision } ({ $target-name }).
news-decision-on-why = { $who-name }: { $decision } ({ $target-name }): { $reasons }.
news-decision-refused = { $state-name } could not carry out a decision: { $reason }.

## Offers put to a player

news-offer = { $question } { CAP($state) } has yet to answer.
news-offer-lapsed = { $state } lets { $what } lapse unanswered.
news-offer-declined = { $state } declines { $what }.

offer-pact-invitation = { CAP($from) } invites { $to } to join { $bloc }.
offer-pact = { CAP($from) } proposes a mutual defence pact to { $to }.
offer-partnership = { CAP($power) } offers { $to } { $kind-a }.
offer-mediation-asked = { CAP($from) } asks { $to } to mediate between { $first } and { $second }.
offer-mediation = { CAP($mediator) } offers to mediate between { $first } and { $second }.

offer-phrase-pact-invitation = { $from }'s invitation to its pact
offer-phrase-pact = { $from }'s proposal of a defence pact
offer-phrase-partnership = { $power }'s offer of { $kind-a }
offer-phrase-mediation = { $from }'s request for mediation

offer-yes-pact-invitation = You join its members' mutual defence: each comes to the others' aid against insurgents.
offer-yes-pact = You join its pact, it joins yours, or you found one together: each comes to the other's aid against insurgents.
offer-no-pact = { CAP($from) } is told no; nothing changes.
offer-yes-partnership = Talks move one stage on now, and on toward entry into force.
offer-no-partnership = The talks end.
offer-yes-mediation = Relations between { $first } and { $second } improve, and both think better of { $mediator }.
offer-no-mediation = No mediation this time.
