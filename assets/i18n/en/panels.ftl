
## What happens next? (the futures window)

futures-title = What happens next?
# Before the number of futures to run
futures-runs-label = Futures
# Before the number of months the futures run
futures-months-label = months ahead
futures-change-intro = Change one thing (optional): pick it, or type it.
futures-change-label = Change:
futures-run-button = Run the futures
futures-export-button = Export
futures-exported = Exported { $csv } and { $json }.
futures-history-note = This game follows the record; the futures do not. From now on each is the model's own, to compare with what really happened.
futures-computer-run = Every government is computer-run in the futures; each future has its own seed.
# $from: a month ("August 2023")
futures-summary = { $runs } futures of { $months ->
        [one] { $months } month
       *[other] { $months } months
    } from { $from }
# $change: the change, as typed
futures-summary-with-change = { $runs } futures of { $months ->
        [one] { $months } month
       *[other] { $months } months
    } from { $from }, without and with { $change }
futures-col-state = State
futures-col-p-coup = P(coup)
futures-col-p-bloc = P(new blocs)
futures-col-p-ground = P(lose ground)
futures-col-interval-hover = Share of the futures in which it happens, with its 95 % interval in brackets
futures-col-record = What happened
futures-col-record-hover = The scenario's record of these months (its history), to set beside the futures
# A share of futures and its 95 % interval: "12% (9–16)"
futures-share-interval = { $share } ({ $low }–{ $high })
# Followed by one of the three futures-measure- buttons
futures-chance-of = Chance of
futures-measure-coup = a coup
futures-measure-bloc = a new bloc
futures-measure-ground = losing ground
futures-col-without = Without
futures-col-with = With the change
futures-col-difference = Difference (95 %)
# A difference in percentage points and its 95 % interval: "+3 pts (-1 to +7)"
futures-difference = { $difference } pts ({ $low } to { $high })
futures-within-chance = Within chance: run more futures to tell
futures-difference-key = Bold: a difference the futures show clearly (its 95 % interval leaves out 0). Grey: within chance.
futures-fan-of = Fan chart of { $state }:
futures-key-without = —— without the change: the median, and 10–90 % of futures (thin)
futures-key-with = - - - with it
futures-axis-months = months ahead
# The lines of the fan chart; $with is "with" or "without" (the change)
futures-line-median = { $with ->
        [with] median with the change
       *[without] median without the change
    }
futures-line-band = { $with ->
        [with] 10–90 % with the change
       *[without] 10–90 % without the change
    }

## The futures' change, picked from lists

change-none = (type one, or pick)
change-lift-sanctions = A bloc lifts its sanctions
change-impose-sanctions = A bloc imposes sanctions
change-coup-attempt = A coup attempt
change-expel-forces = A state expels a power's forces
change-partnership = A partnership comes into force
change-leave-bloc = A state leaves a bloc
change-join-bloc = A state joins a bloc
change-close-border = A state closes its border to another
change-indicator = An indicator moves at once
# Between the state that closes its border and the other
change-to-state = to
# Before the amount an indicator moves: "by -5"
change-by = by

## Charts

charts-title = Charts
charts-states-button = States…
# Turning points marked on a chart; $state is a state's code ("NER")
charts-mark-coup = coup { $state }
charts-mark-failed-coup = failed coup { $state }
charts-mark-pact = pact { $state }
charts-mark-joins = joins { $state }
charts-mark-leaves = leaves { $state }
charts-mark-exit-announced = exit announced { $state }
charts-mark-sanctions = sanctions { $state }
charts-mark-sanctions-lifted = sanctions lifted { $state }
charts-mark-forces-expelled = forces expelled { $state }
charts-mark-elected-rule = elected rule { $state }

## Decisions

decisions-title = Decisions
decisions-observer = Observer mode: no government to decide for. Start a game as a state from the menu.
decisions-capital-left = Political capital: { $left } left of { $capital }
decisions-capital-reserved = ({ $reserved } reserved for this month's decisions)
decisions-capital = Political capital: { $capital }
decisions-capital-gained = (gained each month, more with legitimacy)
decisions-queued-intro = Carried out when you end the turn:
# A decision queued for this turn
decisions-queued-item = • { $decision }, cost { $cost }
decisions-take-back = Take back
decisions-find = Find
decisions-show-closed = show decisions not open now
# A decision's heading in the list
decisions-entry = { $decision } — cost { $cost }
# $effects: what it is expected to do, joined by decisions-expected-separator
decisions-expected = Expected: { $effects }
decisions-expected-separator = {"; "}
decisions-not-now = Not now: { $reason }
# The button of a decision that has no target
decisions-decide = Decide
decisions-footnote = Chosen decisions are carried out when the turn ends; the side panel's causes then show what they did.

## A change for the futures that cannot be used (window and command line)

change-error-not-effect = the change `{ $text }` is not an effect (column { $column }: { $reason }); for example LiftSanctions(bloc: "ECOWAS", state: "NER") or EndPartnership(state: "NER", power: "RUS", kind: TrainingEquipment)
change-error-fires = the change `{ $text }` fires a scenario event: give the effect itself (Change, LiftSanctions, …)
change-error-starts-ended = the change `{ $text }` starts a partnership as ended: use EndPartnership
change-error-number = the change `{ $text }` gives `{ $key }` as { $value }: give a number between -200 and 200
change-error-twice = the change `{ $text }` names `{ $id }` twice: a state cannot do this with itself
change-error-unknown = the change cannot apply: { $problems }
change-error-unknown-id = `{ $id }` is not a { $kind } of this game
