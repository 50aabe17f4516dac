"""Event components: each reads the entity layer and the parse and appends to `doc._.events`.

Importing this package registers the factories `meeting_events`, `agreement_events`,
`concern_events` and `figure_events`. Run them after the entity stages, in that order: the
agreement and concern components read the meetings (for "the two sides" and for dates).
"""

from . import figure  # noqa: F401
from . import meeting  # noqa: F401
from . import agreement  # noqa: F401
from . import concern  # noqa: F401
