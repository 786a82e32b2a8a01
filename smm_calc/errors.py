"""InputError: the one error type for a user's mistake (bottom layer: imports nothing)."""


class InputError(ValueError):
    """A user's input is not usable; the message is German and meant to be shown as is.

    `.key` is the German name of the offending input (the key in directives and on the command
    line), so the site can point at the line and the CLI can name the option.
    """

    def __init__(self, message: str, key: str | None = None):
        super().__init__(message)
        self.message = message
        self.key = key

    def __str__(self) -> str:
        return self.message
