# What decisions and goals ask and do, as the decisions panel, the goals
# window and the news say it: conditions, effects, why a decision cannot
# be taken, and why an input was refused. A number argument such as
# $delta also comes as $delta-signed ("+5", "-3").

## Conditions (of goals and of decisions' availability)

cmp-below = below
cmp-at_most = at most
cmp-at_least = at least
cmp-above = above
cond-regime-civilian = under an elected government
cond-regime-military_junta = ruled by a military junta
cond-regime-transitional = under a transitional government

cond-leader = { $leader } leads { $state-name }
cond-leader-not = { $leader } no longer leads { $state-name }
cond-member = { $state-name } in the { $bloc-name }
cond-member-not = { $state-name } not in the { $bloc-name }
cond-suspended = { $state-name } suspended from the { $bloc-name }
cond-suspended-not = { $state-name } not suspended from the { $bloc-name }
cond-sanctioned-by = { $state-name } under { $bloc-short } sanctions
cond-sanctioned-by-not = { $state-name } not under { $bloc-short } sanctions
cond-sanctioned = { $state-name } under sanctions
cond-sanctioned-not = { $state-name } not under sanctions
cond-talks = { $state-name } in talks with { $power-name }
cond-talks-not = { $state-name } not in talks with { $power-name }
cond-regime = { $state-name } { $regime }
cond-regime-not = { $state-name } not { $regime }
cond-partnership = { $state-name } has { $kind-a } with { $power-name }
cond-partnership-not = { $state-name } has no { $kind } with { $power-name }
cond-partnership-any = { $state-name } has a partnership with { $power-name }
cond-partnership-any-not = { $state-name } has no partnership with { $power-name }
cond-offers = { $power-name } offers { $kind-a }
cond-offers-not = { $power-name } no longer offers { $kind-a }
cond-exports = { $state-name } exports { $export }
cond-exports-not = { $state-name } no longer exports { $export }
cond-indicator = { $state-name }'s { $indicator } { $cmp } { $value } (now { $now })
cond-elapsed = { $months } months played (now { $now })
cond-projects-open = the { $bloc-name } has projects under way
cond-courts = { $power-name } courts { $state-name }
cond-wants = { $power-name } seeks { $state-name }'s exports
cond-toward-rivals = { $state-name }'s standing toward { $power-name }'s rivals { $cmp } { $value }
cond-spare-capacity = { $power-name } has forces to spare
cond-conditionality = { $power-name }'s conditionality { $cmp } { $value }
cond-relation = { $state-name }–{ $other-name } relations { $cmp } { $value } (now { $now })
cond-members = the { $bloc-name } has { $cmp } { $value } members
cond-project = the { $bloc-name }'s { $project } complete
cond-alignment = { $state-name }'s standing toward { $power-name } { $cmp } { $value } (now { $now })
cond-start = at the start
cond-date = in { $date }
cond-from = from { $date }
cond-before = before { $date }
cond-chance = { $percent } % chance
cond-combination = a combination
cond-not = not: { $cond }

# What a decision lacks: $needs (all of them) and $blocking (any of them).
unmet-needs = needs { $needs }
unmet-not-while = not while { $blocking }
unmet-both = needs { $needs }; not while { $blocking }

## Why a decision cannot be taken now

refusal-foreign = { $decision } is a foreign power's decision
refusal-aim = `{ $id }` cannot be aimed there
refusal-closed = { $decision } is not open to this government now
refusal-unmet = { $decision }: { $unmet }
refusal-capital = { $decision } costs { $cost } political capital; { NUMBER($left, minimumFractionDigits: 1) } is left this month

## What a decision is expected to do

effect-change = { $state-name } { $indicator } { $delta-signed }
effect-talks = talks open on { $kind }
effect-expel = the power's forces leave
effect-standing = standing toward the power { $delta-signed }
effect-relations = relations { $delta-signed }
effect-border-closes = the border closes
effect-border-opens = the border opens
effect-withdrawal = withdrawal announced (effective after notice)
effect-membership = membership
effect-grain-ban = grain exports banned
effect-grain-resume = grain exports resume
effect-partnership-ends = the { $kind } ends
effect-talks-advance = talks move one stage on
effect-urge-sanctions = shared blocs sanction { $state-name }
effect-urge-lifting = shared blocs lift sanctions on { $state-name }
effect-mediation-by = { $mediator-name } (on the best terms with both) mediates between { $first-name } and { $second-name }: their relations { $delta-signed }
effect-mediation-nobody = no state is on good terms with both { $first-name } and { $second-name } now: nobody would mediate
effect-mediation-any = a state on good terms with both mediates
effect-mediation-offered = { $mediator-name } mediates between { $first-name } and { $second-name }: their relations { $delta-signed }, and ours with each { $gain-signed }
effect-mediation-no-quarrel = { $state-name } has no quarrel to mediate now
effect-mediation-neighbour = we mediate in a neighbour's quarrel
effect-pact-asked = { $state-name } is asked and answers next month
effect-pact-if = a mutual defence pact with { $state-name } if relations are { $needed } or more (now { $now })
effect-pact-any = a mutual defence pact, if they are on good terms
effect-suspend = { $state-name } suspended from the bloc
effect-reinstate = { $state-name } reinstated in the bloc
effect-pact-founded = the { $pact } is founded
effect-confederation = the pact becomes a confederation
effect-relations-with = relations with { $state-name } { $delta-signed }
effect-standing-toward = standing toward { $power-name } { $delta-signed }
effect-project = the { $project } advances
effect-project-any = a project of the bloc advances
effect-discredit = standing toward the power's rivals { $delta-signed }
effect-other = { $effect }
effect-with-chance = { $what } ({ $percent } % chance)
effect-with-delay = { $what } (in { $months ->
        [one] { $months } month
       *[other] { $months } months
    })
effect-with-chance-delay = { $what } ({ $percent } % chance, in { $months ->
        [one] { $months } month
       *[other] { $months } months
    })

## Levers: what a decision moves toward a goal

lever-indicator = { $indicator } { $delta-signed }
lever-guards = { $indicator } { $delta-signed }: guards against a coup
lever-sanctions-lifted = sanctions lifted
lever-membership = membership
lever-withdrawal = withdrawal
lever-talks = talks on { $kind }
lever-relations = relations improve

## A player's input refused

input-no-state = `{ $id }` is not a state of this scenario
input-no-power = `{ $id }` is not a power of this scenario
input-no-bloc = `{ $id }` is not a bloc that exists now
input-seat-twice = `{ $id }` is named twice: one person per state
input-not-played = `{ $id }` is not played by a person in this game
input-no-player = no government is played: decisions need a player (play --as ID)
input-offer-closed = offer { $offer } is not waiting for an answer
input-offer-not-played = offer { $offer } is for a state no person plays
input-no-event = `{ $id }` is not an event of this scenario
input-choice-closed = no choice of `{ $id }` is waiting for an answer
input-choice-options = `{ $id }` has { $options } options, numbered from 0
input-decision-not-played = decisions are for the states people play
input-no-decision = `{ $id }` is not a decision of the catalogue
input-power-decision = `{ $id }` is a foreign power's decision, not a government's
input-no-target = `{ $id }` takes no target
input-needs-target = `{ $id }` needs a target ({ $kind })
target-kind-none = none
target-kind-state = a state
target-kind-neighbour = a neighbouring state
target-kind-power = a foreign power
target-kind-own_bloc = a bloc of its own
target-kind-other_bloc = a bloc it is not in
input-not-queued = `{ $id }` is not queued for this month

## An order refused (a script's or a save's)

order-not-own = { $by } cannot decide for { $for }
order-amount = a change of { $amount } is not possible: give a number between -200 and 200
order-not-allowed = `{ $effect }` is not an order a government can give; orders start, advance, end or expel partnerships, align, relate, visit, mediate or ask for mediation, recall ambassadors, close or open borders, press for or against sanctions, propose pacts, ban or allow grain exports, and join, withdraw from or leave blocs
order-not-a-party = `{ $id }` is not a state, power or bloc
