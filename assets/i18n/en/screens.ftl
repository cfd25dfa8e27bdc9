# The window's screens and their windows: the main menu, the briefing,
# Goals and the end screen, Your month, saving, loading and hot reload.
#
# Translators: every message here must exist in your language too. Keep
# the ids and the { $arguments }; change only the words.

## Your month (the summary after End Turn)

month-title = Your month
# "Mali: August 2023"
month-heading = { $state }: { $month }
month-your-decisions = Your decisions
month-no-decisions = You took no decision this month (Decisions, or D).
month-what-moved = What moved
month-nothing-moved = Nothing moved by half a point or more.
month-at-home = At home
month-no-news = No news.
month-next-door = Next door
month-quiet-borders = Quiet at the borders.
# Between the parts of a decision's line.
month-semicolon = {"; "}
# A decision and its target: "Hire security contractors (Russia)"
month-decision-on = { $decision } ({ $target })
# A decision and what became of it.
month-decision = { $decision }: { $what }
month-decision-and-news = { $decision }: { $what } — { $news }
# What moved, when another state's: "Niger's stability"
month-measure-of = { $state-name }'s { $measure }
month-measure-standing = standing toward { $power }
# Followed by the change: "relations between Mali and Niger +2.0"
month-outcome-relations = relations between { $a } and { $b }
month-outcome-refused = not carried out: { $reason }
month-outcome-no-luck = did not come off this time (it was a matter of chance)
month-outcome-later = takes effect in { $month }
month-outcome-done = carried out
# $offer: "Russia's offer of a military base"
month-answer-accepted = Accepted { $offer }
month-answer-declined = Declined { $offer }
# An event's choice: its title, then the option taken.
month-answer-choice = { $event }: { $choice }
# "Stability 48 (-2.5): insurgency -1.5, chance -1.0"
month-change = { $indicator } { $value } ({ $delta }): { $causes }

## Goals, the briefing and the end screen

goals-title = Goals
goals-none = This scenario gives your state no goals: play as you see fit.
goals-status-open = open
goals-status-won = won in month { $turn }
goals-status-lost = lost in month { $turn }
goals-to-win = To win:
goals-met = met: { $condition }
goals-not-yet = not yet: { $condition }
goals-lost-if = Lost if:
goals-holds-now = holds now: { $condition }
goals-does-not-hold = does not hold: { $condition }
goals-levers = Levers (in Decisions):
goals-lever = { $name }: { $what }
goals-briefing-lead = You lead { $state }.
goals-briefing-goal = { $name }: { $description }
goals-briefing-help = Goals (G) shows where each stands; Decisions (D) what you can do; End Turn runs the month.
goals-begin = Begin
goals-victory = Victory
goals-defeat = Defeat
goals-mixed-record = A mixed record
# The end screen's title: "Victory — Burkina Faso"
goals-end-title = { $verdict } — { $state }
goals-turning-points = Turning points
goals-continue-observer = Continue as observer
goals-keep-playing = Keep playing
goals-main-menu = Main menu

## The main menu

menu-intro = West Africa and the Sahel since 2020: pick a start, a government, and play month by month.
menu-scenario = Scenario
menu-does-not-load = (does not load)
menu-mod-title = { $title } (mod: { $name })
menu-choose = Choose a scenario on the left.
menu-scenario-broken = This scenario does not load:
menu-span = { $turns ->
    [one] From { $start }, { $turns } month.
   *[other] From { $start }, { $turns } months.
}
menu-warning = Line { $line }: { $message }
menu-play-as = Play as
menu-hot-seat = Hot-seat: several players at this computer
menu-observer = Observer (no government)
# Between a state's goals.
menu-semicolon = {"; "}
menu-state-goals = { $state } — { $goals }
menu-seed = Seed
menu-history = History: what really happened to { $until } (coups, pacts, exits) happens on its date
menu-history-hint = For a class: play or watch the record, then ask "What happens next?" and compare the model's futures with what happened. Futures never replay the record.
menu-start = Start ▶
menu-seed-error = The seed must be a whole number, 0 or more.
menu-continue = Continue (quick save)
menu-or-load = or load
menu-load-hint = saves/my-game.ron
menu-load = Load
menu-back = Back to the game
menu-settings = Settings
menu-quit = Quit
menu-new-game = A new game begins.

## Saving, loading and hot reload (shown for a few seconds in the top bar)

saves-saved = Saved to { $path }.
saves-exported = Exported { $csv } and { $json }.
saves-loaded = Loaded { $path }.
reload-done = Reloaded { $file }: the game restarted from its start.
reload-error-title = The edited scenario does not load
reload-error-help = The game goes on with the last version that loaded. Fix these and save the file:
