"""The library's exceptions. Library code raises these; front ends turn them into messages.

    AssistantError
    ├── ConfigError          a setting has an unusable value
    ├── LoadError            one document could not be read (the reason is user-facing)
    ├── EmbeddingError       the embedding model could not be loaded or failed its checksum
    ├── StoreError           the Chroma store could not be opened or written
    │   ├── IndexMissing     there is no index yet (build it with `inspection-assistant index`)
    │   └── IndexBusy        another process is indexing into the same store
    ├── UploadRefused        an uploaded file was not accepted (type, size, name, overwrite)
    ├── NotFound             a passage or document id that the index does not hold
    └── QuestionError        a question that cannot be asked (empty, too long)
"""


class AssistantError(Exception):
    """Base class: every error the library raises on purpose."""


class ConfigError(AssistantError):
    pass


class LoadError(AssistantError):
    """A document could not be loaded. ``str(err)`` is a one-line reason for the user."""


class EmbeddingError(AssistantError):
    pass


class StoreError(AssistantError):
    pass


class IndexMissing(StoreError):
    pass


class IndexBusy(StoreError):
    pass


class UploadRefused(AssistantError):
    """An upload was not accepted. ``str(err)`` is a one-line reason for the user."""


class NotFound(AssistantError):
    pass


class QuestionError(AssistantError):
    pass
