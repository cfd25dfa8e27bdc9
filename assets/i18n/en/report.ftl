# The report of `harmattan run`.

report-title = { $scenario } — seed { $seed }, { $turns } turns ({ $start } to { $end })
report-key-events = Key events
report-none = (none)
report-states = States at the end
report-col-id = id
report-col-name = name
report-col-stability = stab
report-col-legitimacy = legit
report-col-loyalty = loyal
report-col-insurgency = insur
report-col-control = ctrl
report-col-regime = regime
report-col-leader = leader
report-col-blocs = blocs
report-goals = Goals
report-goal-open = open
report-goal-won = won (turn { $turn })
report-goal-lost = lost (turn { $turn })
report-blocs = Blocs at the end

# The summary of `harmattan batch` (and `merge`).

batch-title = { $scenario } — { $runs } runs × { $turns } turns, seeds { $seed }…
batch-col-coup = P(coup)
batch-col-coups = coups
batch-col-stability = stability
batch-col-membership = membership at the end
batch-blocs = Blocs existing at the end

# The report of `harmattan futures`.

futures-report-title = { $scenario } — { $runs } futures of { $months } months from { $from }, seeds from { $seed }
futures-change = Change: { $change }
futures-col-coup = P(coup)
futures-col-blocs = P(new blocs)
futures-col-ground = P(lose ground)
futures-col-band = stability p10–p90
futures-record = What happened in the same months (the scenario's record):

# `harmattan scenarios`

scenarios-broken = (does not load: { $problems } problem(s); run `harmattan validate { $file }`)
scenarios-mods-folder = Mods folder: { $folder }

# `harmattan calibrate`: the model against the record.

calib-title = { $title } — { $runs } futures of { $months } months from { $scenario }, seeds { $seed }…
calib-col-check = check
calib-col-record = record
calib-col-model = model
calib-col-accepted = accepted
calib-col-state = state
calib-col-p-attempt = P(attempt)
calib-col-p-coup = P(coup)
calib-ok = ok
calib-out-of-range = OUT OF RANGE
calib-yes = yes
calib-not-available = n/a
calib-scores = Brier, attempts { $brier-attempt } (base rate alone { $base-attempt }), AUC { $auc-attempt }; coups { $brier-coup } (base rate alone { $base-coup }), AUC { $auc-coup }
calib-all-in-range = Every figure is within its accepted range.
calib-some-out = { $failed } of { $total } figures are out of range.
calib-mean-coups = successful coups per future
calib-mean-attempts = coup attempts per future
calib-region-share = share of coups in { $states }
calib-coup-chance = P(coup in { $state })
calib-pact-formed = P(pact of juntas founded)
calib-pact-of = P(pact of { $states } by { $by })
calib-joint-withdrawal = P({ $states } leave { $bloc } together)
calib-any-withdrawal = P(any of { $states } leaves { $bloc })
calib-dissolved = P({ $bloc } dissolved)
calib-confederation = P(a new confederation)
calib-leader-holds = P({ $leader } holds { $state })
calib-insurgency-rises = P(insurgency rises in { $state })
calib-attempt-skill = Brier skill, coup attempts by state
