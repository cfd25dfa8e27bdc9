# The settings window.

settings-title = Settings
settings-size = Interface size
settings-size-compact = Compact
settings-size-normal = Normal
settings-size-large = Large
settings-size-larger = Larger
settings-size-projector = Projector
settings-size-hint = Projector: large type for a classroom screen. Applies at once; kept for the next session.
settings-language = Language
settings-language-hint = Applies at once, to the game under way too; kept for the next session. The command line's --lang chooses for one session.
