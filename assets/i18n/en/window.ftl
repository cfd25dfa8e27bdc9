# The game window's frame: the top bar, the selected state's panel, the
# news, the map's legend and tooltip, turning points, offers and choices.
#
# Translators: keep the ids and the { $arguments }; change only the words.
# A name argument ($state) reads as in a sentence ("the Gambia"); a plain
# label is already the bare name.

## Hot-seat hand-over

frame-hand-over-title = Next player
frame-hand-over-turn = { $state }'s turn.
frame-hand-over-pass = Pass the mouse to the player of { $state }.
frame-hand-over-ready = I am ready

## Top bar

frame-end-turn = End Turn ▶
# Hot-seat: the seat passes to the next player's state.
frame-pass-to = Pass to { $state } ▶
frame-end-turn-hint = Resolve the month (Space or Enter)
frame-end-turn-wait = Acknowledge the news first
frame-pause = Pause
frame-run = Run ▶
frame-run-hint = Let the months run (P)
frame-speed = { $count ->
    [one] { $count } month a second
   *[other] { $count } months a second
}
frame-speed-half = a month every 2 seconds
frame-stop-at-headlines = stop at turning points
# "August 2023 — turn 3"
frame-date = { $date } — turn { $turn }
frame-playing = Playing: { $state }
frame-playing-observer = Playing: Observer
frame-map-mode-hint = Map mode (key { $key })
frame-decisions = Decisions
frame-decisions-hint = Your government's decisions (key D)
frame-month = Your month
frame-month-hint = What last month did, and why
frame-month-wait = After your first month
frame-goals = Goals
frame-goals-hint = Your goals and how they stand (key G)
frame-futures = Futures
frame-futures-hint = What happens next? Many futures from now, compared (key F)
frame-charts = Charts
frame-charts-hint = Indicators over time (key C)
frame-game-menu = Game menu
frame-quick-save = Quick save (F5)
frame-quick-load = Quick load (F9)
frame-export = Export history
frame-export-hint = The game's history (CSV) and everything (JSON), in exports/
frame-settings = Settings
frame-main-menu = Main menu

## Map modes (the top bar's buttons and the legend's title)

map-mode-political = Political
map-mode-blocs = Blocs
map-mode-alignment = Alignment
map-mode-stability = Stability
map-mode-control = Control
map-mode-regime = Regime
map-mode-food = Food

## News feed

frame-news = News
frame-news-only = only { $state }
frame-news-only-selected = only the selected state
frame-news-major-only = major events only
frame-topic-all = all news
frame-topic-coups = coups and leaders
frame-topic-blocs = blocs and sanctions
frame-topic-partnerships = foreign partners
frame-topic-economy = food and trade
frame-topic-scenario = history and goals
# The history option: real events happen on their dates until $date.
frame-record-on = On the record to { $date }
frame-record-on-hint = History option: what really happened (coups, pacts, exits) happens on its date, and the model makes none of its own until the record ends. "What happens next?" shows the model's own futures, to compare with it.
frame-record-past = Past the record (it ended in { $date })
frame-record-past-hint = History option: the record has ended; the model decides everything now.

## The selected state's panel

frame-you = you
# "Captain Ibrahim Traoré — military junta since September 2022"
frame-leader-since = { $leader } — { $regime } since { $date }
frame-regime-civilian = civilian
frame-regime-military_junta = military junta
frame-regime-transitional = transitional
frame-grain-ban = Bans grain exports.
frame-indicators = Indicators (last month's change, by cause)
frame-indicator-stability = Stability
frame-indicator-legitimacy = Legitimacy
frame-indicator-military_loyalty = Military loyalty
frame-indicator-coup_proofing = Coup-proofing
frame-indicator-insurgency = Insurgency
frame-indicator-control = Territorial control %
frame-indicator-military = Military capacity
frame-indicator-growth = Growth % a year
frame-indicator-food_insecurity = Food insecurity %
frame-no-change = No change last month.
frame-blocs = Blocs
frame-bloc-suspended = suspended
frame-bloc-leaving = leaving { $date }
frame-bloc-sanctioned = under its sanctions
frame-none = None.
frame-partnerships = Partnerships
# "France: military base — in force since May 2020"
frame-partnership = { $power }: { $kind } — { $stage } since { $date }
frame-standing = Standing toward the powers
frame-relations = Relations with neighbours

## The map's legend

frame-legend-title = Map: { $mode }
frame-legend-political = Each state in its own colour.
frame-legend-outside = outside the scenario
frame-legend-no-bloc = in no bloc
frame-legend-blocs-hint = A state shows its closest union; paler if suspended.
frame-legend-close = +100 close
frame-legend-neutral = 0 neutral
frame-legend-hostile = −100 hostile
frame-legend-solid = 90 solid
frame-legend-ordinary = 50 ordinary
frame-legend-fragile = 30 fragile
frame-legend-collapsing = 10 collapsing
frame-legend-control = { $share } of territory held
frame-legend-food = { $share } in food crisis

## The tooltip of the state under the pointer

frame-tooltip-stability = Stability { $stability } · Legitimacy { $legitimacy }
frame-tooltip-security = Insurgency { $insurgency } · Control { $control }
frame-tooltip-economy = Growth { $growth } · Food crisis { $food }
frame-tooltip-click = Click for details

## Causes of change, named by who was involved: "coup (Niger)"

causes-the-record = the record
causes-an-event = an event
causes-a-decision = a decision

## Turning points: what led here

headline-source = On the record: { $source }
headline-what-led-here = What led here:
headline-ok = OK
headline-more = { $count } more
# A coup: the odds before the attempt.
headline-coup-before = Before the attempt: { $state } under { $leader } ({ $regime }): stability { $stability }, legitimacy { $legitimacy }, army loyalty { $loyalty }, insurgency { $insurgency }, coup-proofing { $proofing }.
headline-regime-civilian = an elected government
headline-regime-military_junta = a military junta
headline-regime-transitional = a transitional government
headline-coup-forced = The attempt was set by the scenario's history.
headline-coup-chance = Chance of an attempt that month: { $chance }.
headline-coup-raised = What raised the odds (log-odds): { $terms }.
headline-coup-lowered = What lowered them: { $terms }.
headline-coup-succeeded = Chance that an attempt succeeds: { $chance }; it did.
headline-coup-failed = Chance that an attempt succeeds: { $chance }; it failed.
# A chance too small to show: "under 1%".
headline-under = under { $share }
headline-term-low-stability = low stability
headline-term-stability = stability
headline-term-low-legitimacy = low legitimacy
headline-term-legitimacy = legitimacy
headline-term-disloyal-army = a disloyal army
headline-term-loyal-army = a loyal army
headline-term-insurgency = insurgency
headline-term-coup-trap = a recent coup attempt (the coup trap)
headline-term-military-rule = rule by soldiers
headline-term-coup-proofing = coup-proofing
headline-term-protection = foreign forces guarding the government
# Another turning point: each state's figures, then what cost it stability.
headline-why-state = { $state }: { $regime } · stability { $stability }, legitimacy { $legitimacy }, army loyalty { $loyalty }, insurgency { $insurgency }
headline-why-stability = stability over { $months } months: { $causes }

## Choices and offers put to the player

offers-choice-title = Decision
offers-choice-pick = Pick one, then end the turn. Unanswered, your ministers decide.
offers-carried-out = Carried out when you end the turn.
offers-title = { $count ->
    [one] An offer waits for your answer
   *[other] { $count } offers wait for your answer
}
offers-if-accept = If you accept:
offers-if-decline = If you decline:
offers-accept = Accept
offers-decline = Decline
offers-lapses = Unanswered, it lapses when you end the turn.
offers-waits = { $months ->
    [one] It waits for your answer for { $months } more month.
   *[other] It waits for your answer for { $months } more months.
}
