"""All tables, one module per area; importing this package registers them on ``Base.metadata``."""

from tremplin.store.tables.access import ApiTokenRow  # noqa: F401
from tremplin.store.tables.console import ConsoleUserRow  # noqa: F401
from tremplin.store.tables.core import OfferRow  # noqa: F401
from tremplin.store.tables.cv import CVAnalysisRow  # noqa: F401
from tremplin.store.tables.governance import JournalEntryRow  # noqa: F401
from tremplin.store.tables.legality import LegalityReviewRow  # noqa: F401
from tremplin.store.tables.matching import MatchingFeedbackRow  # noqa: F401
from tremplin.store.tables.territory import SimTerritoryRow  # noqa: F401
