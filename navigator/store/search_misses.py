"""What families search for and do not find: terms that got no or few results, counted per
day, with no link to any person or session. Kept 90 days, then purged.

Terms that look like they hold contact details (an @, a long run of digits) are not kept:
someone may type their own email or phone number into a search box.
"""

from __future__ import annotations

import datetime
import re

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from navigator.store.models import SearchMiss

FEW = 2            # this many results or fewer counts as "not found"
KEEP_DAYS = 90
_PERSONAL = re.compile(r"@|\d{5,}|\d[\d ]{8,}\d")


def normalise(query: str) -> str | None:
    term = " ".join(query.lower().split())[:100]
    if len(term) < 2 or _PERSONAL.search(term):
        return None
    return term


def note(database, query: str, results: int, today: datetime.date | None = None) -> None:
    term = normalise(query)
    if term is None or results > FEW:
        return
    today = today or datetime.date.today()
    for _attempt in range(2):  # two workers may add the same new term at once: then count it
        try:
            with database.session.begin() as session:
                row = session.get(SearchMiss, (term, today))
                if row is None:
                    session.add(SearchMiss(term=term, day=today, count=1, results=results))
                else:
                    row.count += 1
                    row.results = results
            return
        except IntegrityError:
            continue


def top(database, days: int = KEEP_DAYS, limit: int = 50, today: datetime.date | None = None) -> list[tuple[str, int, int]]:
    """(term, times searched, results last time), most searched first."""
    today = today or datetime.date.today()
    since = today - datetime.timedelta(days=days)
    with database.session() as session:
        rows = session.execute(
            select(SearchMiss.term, func.sum(SearchMiss.count), func.min(SearchMiss.results))
            .where(SearchMiss.day > since).group_by(SearchMiss.term)
            .order_by(func.sum(SearchMiss.count).desc(), SearchMiss.term).limit(limit)).all()
    return [(term, int(count), int(results)) for term, count, results in rows]


def purge(database, today: datetime.date | None = None) -> int:
    today = today or datetime.date.today()
    with database.session.begin() as session:
        return session.execute(delete(SearchMiss).where(
            SearchMiss.day <= today - datetime.timedelta(days=KEEP_DAYS))).rowcount
