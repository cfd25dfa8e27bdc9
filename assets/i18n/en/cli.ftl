# The command line's own messages (reports are in report.ftl).

cli-error = error: { $message }
cli-fix-problems = Fix the problems above (see docs/scenarios.md), then try again.
cli-cannot-write-output = cannot write the output: { $reason }
cli-no-folder = cannot write { $path }: the folder { $folder } does not exist
cli-is-folder = cannot write { $path }: it is a folder; give a file name
cli-cannot-write = cannot write { $path }: { $reason }
cli-cannot-create = cannot create { $path }: { $reason }
cli-play-twice = `{ $id }` is given twice to --as: one player per state
cli-play-not-playable = `{ $id }` is not playable in { $scenario }; playable states: { $playable }
cli-play-observer-only = none (observer only)
cli-new-bad-name = `{ $name }` is not a scenario name: use 1 to 40 lower-case letters, digits and `_` (e.g. `lake_chad_2015`)
cli-new-shipped-name = `{ $name }` is the name of a shipped scenario; choose another
cli-new-exists = { $path } already exists; it was left as it is. Choose another name or --out FILE.
cli-new-wrote = Wrote { $path }.
cli-new-next = Next: edit it (docs/scenarios.md explains every field), then
cli-validate-strict = { $file }: { $warnings } warning(s), failed under --strict
cli-validate-bad = { $bad } of { $files } file(s) have problems.
cli-validate-rules-ok = { $file }: ok ({ $rules } rule overrides)
cli-validate-ok = { $file }: ok ({ $states } states, { $powers } powers, { $blocs } blocs, { $events } events{ $points ->
        [0] {""}
       *[other] , a record of { $points } turning points to { $until }
    })

## Saved games that cannot be read or written (window and command line)

save-error-read = cannot read { $path }: { $reason }
save-error-format = { $path } is not a Harmattan save: { $reason }
save-error-newer = { $path } was saved by a newer format ({ $found }); this version reads format { $format }
save-error-older = { $path } was saved by an earlier version of the game (format { $found }), whose model differs: it cannot be continued faithfully here. Start a new game, or use that version to continue it.
save-error-scenario = the scenario inside { $path } no longer loads:
    { $reason }
save-error-diverged = { $path } replays differently in this version of the game (it was saved by { $version }): the model has changed since. Start a new game, or use version { $version } to continue it.
save-error-replay = { $path }: { $reason }
save-error-tampered = { $path } has been changed since it was saved (its seal does not match what it holds), so it cannot be trusted to replay the game. Saves are not meant to be edited: load another save or start a new game.
save-error-write = cannot write { $path }: { $reason }; nothing was overwritten
