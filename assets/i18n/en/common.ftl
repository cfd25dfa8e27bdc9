# Words every screen and report shares: dates, numbers, lists, the forms
# of names, and the game's fixed vocabulary.
#
# Translators: every message here must exist in your language too (the
# test `every_message_exists_in_every_language` checks). Keep the ids and
# the { $arguments }; change only the words.

## Months and dates

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# "August 2023"
date-month-year = { $month } { $year }
# A share as a percentage; $value is already written as a number.
percent = { $value }%

## Lists: "Mali, Burkina Faso and Niger"

list-comma = { $init }, { $next }
list-last = { $init } and { $next }
list-or = { $init } or { $next }

## Forms of a name inside a sentence, where a scenario's translation does
## not give them. $the is the name as it reads in a sentence ("the
## Gambia"), $name the bare name.

form-of = of { $the }
form-in = in { $the }
form-to = to { $the }

# A bloc founded during play, named after its founders ($founders: "Mali
# and Niger"; $founders-of: "of Mali and of Niger").
bloc-formed = Alliance of { $founders }
    .the = the Alliance of { $founders }
    .of = of the Alliance of { $founders }

## Partnerships with foreign powers (.a: with the indefinite article)

partnership-defence_cooperation = defence cooperation agreement
    .a = a defence cooperation agreement
partnership-training_equipment = training and equipment programme
    .a = a training and equipment programme
partnership-security_contractors = security contractor deployment
    .a = a security contractor deployment
partnership-expeditionary_corps = expeditionary corps deployment
    .a = an expeditionary corps deployment
partnership-base = military base
    .a = a military base
partnership-mining_concession = mining concession
    .a = a mining concession
partnership-energy_concession = energy concession
    .a = an energy concession
partnership-space_programme = space programme
    .a = a space programme

## Stages of a partnership's talks

stage-proposed = proposed
stage-drafted = drafted
stage-reviewed = reviewed
stage-approved = approved
stage-signed = signed
stage-in_force = in force
stage-suspended = suspended
stage-ended = ended

## A confederation's projects

project-joint_force = joint force
project-passport = common passport
project-media = joint media
project-common_market = common market
project-currency = common currency
project-federation = federation

## Regimes

regime-civilian = civilian
regime-military_junta = military junta
regime-transitional = transitional

## Kinds of bloc

bloc-kind-economic_community = economic community
bloc-kind-monetary_union = monetary union
bloc-kind-defence_pact = defence pact
bloc-kind-confederation = confederation

## Indicators

indicator-stability = stability
indicator-legitimacy = legitimacy
indicator-military_loyalty = military loyalty
indicator-coup_proofing = coup-proofing
indicator-insurgency = insurgency
indicator-control = territorial control
indicator-military = military strength
indicator-growth = growth
indicator-food_insecurity = food insecurity

## Causes of change (the ledger)

mechanism-drift = return to normal
mechanism-fortune = chance
mechanism-legitimacy = legitimacy
mechanism-fragility = state weakness
mechanism-insurgency = insurgency
mechanism-insurgency_spread = insurgency across borders
mechanism-counter_insurgency = counter-insurgency
mechanism-territorial_control = territorial control
mechanism-economy = economy
mechanism-sanctions = sanctions
mechanism-food = hunger
mechanism-grain_exports = grain export bans
mechanism-rally = rally against pressure
mechanism-junta_fatigue = overstayed transition
mechanism-consolidation = junta entrenching itself
mechanism-transition = return to elected government
mechanism-settlement = insurgency settled or exhausted
mechanism-coup = coup
mechanism-failed_coup = failed coup
mechanism-partnership = partnership
mechanism-diplomacy = diplomacy
mechanism-alignment = alignment
mechanism-bloc = bloc
mechanism-scripted_event = event
mechanism-order = government decision

## Military ranks a leader's name may open with ("Captain Ibrahim
## Traoré"): other languages say them their own way and with an article
## (.the, and .to for "to the captain").

rank-Colonel = Colonel
rank-Lieutenant-Colonel = Lieutenant-Colonel
rank-Captain = Captain
rank-General = General
rank-Commander = Commander
rank-Major = Major
rank-Brigadier = Brigadier
rank-Brigadier-General = Brigadier-General
rank-Lieutenant-General = Lieutenant-General

## What the record says befell a state (beside the futures)

befell-coup = coup, { $month }
befell-failed-coup = failed coup, { $month }
befell-founds = founds { $pact }, { $month }
befell-leaves = leaves { $bloc }, { $month }
befell-separator = {"; "}

## The built-in exports (a scenario's own commodities are translated in its file)

export-Gold = gold
export-Uranium = uranium
export-Oil = oil
export-Gas = gas
export-Cotton = cotton
export-Cocoa = cocoa
export-Coffee = coffee
export-Cashew = cashew nuts
export-Bauxite = bauxite
export-IronOre = iron ore
export-Manganese = manganese
export-Phosphate = phosphate
export-Diamonds = diamonds
export-Livestock = livestock
export-Fish = fish
export-Groundnuts = groundnuts
export-Timber = timber
export-Rubber = rubber
export-Services = services
