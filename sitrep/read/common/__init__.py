"""Building blocks every language reader shares (English, Persian; Arabic next).

A reader (``sitrep.read.<lang>``) finds sentences, sources, places, dates and
triggers in its own language; what follows from them is the same in every
language and lives here, public, so that no reader borrows another's code:

- :mod:`~sitrep.read.common.reading`: the record a reader yields
  (:class:`ArticleReading`), the resources it reads with (:class:`ReadingTools`)
  and the interface a reader implements (:class:`Reader`);
- :mod:`~sitrep.read.common.dates`: the date record (:class:`DateMatch`), date
  windows, history and the publication fallback, the candidate settling;
- :mod:`~sitrep.read.common.attribution`: the carry-over of sources and speakers
  from sentence to sentence;
- :mod:`~sitrep.read.common.context`: what earlier sentences of an article
  established (last city, dates by source, events told) and the choice of a
  date for an undated sentence;
- :mod:`~sitrep.read.common.mentions`: building a mention, references back to
  earlier events, one mention per sentence and place, denials, context links.

The registry of readers by language is :mod:`sitrep.read.registry`.
"""

# The blocks, named from the package too ("from sitrep.read import common";
# common.primary(...)): each module's __all__ is its public part.
from sitrep.read.common import attribution, context, dates, mentions, reading
from sitrep.read.common.attribution import *  # noqa: F403
from sitrep.read.common.context import *  # noqa: F403
from sitrep.read.common.dates import *  # noqa: F403
from sitrep.read.common.mentions import *  # noqa: F403
from sitrep.read.common.reading import *  # noqa: F403

__all__ = [
    *attribution.__all__,
    *context.__all__,
    *dates.__all__,
    *mentions.__all__,
    *reading.__all__,
]
