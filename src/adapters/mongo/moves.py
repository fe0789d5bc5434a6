"""Compare-and-set that is atomic on MongoDB *and* on FerretDB 1.24, in two commands.

Why not ``update_one({_id, version: v}, {$set: …})``: on MongoDB that is atomic, but
FerretDB 1.24 evaluates the filter in Go and then writes the whole document back by
``_id`` — two concurrent callers both "win", and concurrent ``$inc`` lose increments
(measured: 58 winners for 50 documents on SQLite, 116 on PostgreSQL). The one write
FerretDB makes atomic is an insert under a unique index, and the one lookup it answers
from an index is by ``_id`` (with this project's patch), so that is the commit point:

1. The caller read the document at ``version`` v and computed its next state.
2. It inserts a *move* ``{_id: "<doc id>:<v>", fields: <next state>}``. Of all callers
   moving the document out of version v, exactly one insert succeeds: the commit.
3. The winner applies its move: ``update_one({_id, version: v}, {$set: fields})``. Readers
   see the document as of its last applied move; the winner applies before it answers,
   so whatever was acknowledged is what a reader sees.

A loser (its insert was refused) brings the document up to date before saying no: it
looks up the moves after the version it read, by ``_id``, and applies them. That also
repairs a document whose writer died between 2 and 3 — the first writer after it finds
the move and applies it — so nothing needs a sweep, and no query ever scans: every
command is an insert or a lookup by ``_id``. Moves are kept as each document's history
and never read on the hot path (a loser reads only the moves it lost to).

A writer whose document was never at the version it names (a caller's mistake: versions
come from reads) finds its move unapplicable and takes it back.

A loser waits briefly for a fresh move's own writer to apply it before applying it
itself, so two writers applying one move at once (where FerretDB could let the slower
write an older state back) needs a writer that stalls for longer than that wait.
"""

from __future__ import annotations

import time
from typing import Any

from pymongo.collection import Collection
from pymongo.errors import PyMongoError

from adapters.mongo.schema import Document, is_duplicate_key

VERSION = "version"  # the field every versioned document carries
BORN = "_born"  # the version it was inserted at
FROM = "_from"  # the version the last move applied to it started from
# How long a loser gives a committed move's writer to apply it, and how often it looks.
_WRITER_GRACE_S = 0.05
_LOOK_EVERY_S = 0.005


def move_id(doc_id: Any, version: int) -> str:
    """The move out of ``version``: unique per document and version, looked up by ``_id``."""
    return f"{doc_id}:{version}"


class Versioned:
    """The documents of one collection, changed by compare-and-set through its moves."""

    def __init__(self, docs: Collection[Document], moves: Collection[Document]) -> None:
        self._docs = docs
        self._moves = moves

    def insert(self, doc_id: Any, fields: Document) -> None:
        """Insert the document (its first version); raises on a duplicate key."""
        self._docs.insert_one({"_id": doc_id, **fields, BORN: int(fields[VERSION])})

    def save(self, doc_id: Any, expected_version: int, fields: Document) -> bool:
        """Set ``fields`` (which hold the next ``version``) on the document if it is at
        ``expected_version``; False if another writer moved it out of that version first
        (the document is brought up to date before returning)."""
        if int(fields[VERSION]) <= expected_version:
            raise ValueError(f"a change must advance the version past {expected_version}")
        try:
            self._moves.insert_one({"_id": move_id(doc_id, expected_version), "fields": fields})
        except PyMongoError as error:
            if not is_duplicate_key(error):
                raise
            self.catch_up(doc_id)
            return False
        applied = self._docs.update_one(
            {"_id": doc_id, VERSION: expected_version}, {"$set": fields}
        )
        return applied.matched_count == 1 or self._settle_unmatched(doc_id, expected_version)

    def _settle_unmatched(self, doc_id: Any, expected_version: int) -> bool:
        """Our move is in, but the document was not at ``expected_version`` when we applied
        it: a writer that found the move may have applied it already (True), the document
        may lag behind moves a crashed writer left (catch up: then ours is applied), or it
        was never at that version — a caller's mistake — and our move is taken back."""
        self.catch_up(doc_id)
        head = self._docs.find_one({"_id": doc_id}, {VERSION: True, BORN: True, FROM: True})
        if head is not None and self._passed_through(head, expected_version):
            return True
        self._moves.delete_one({"_id": move_id(doc_id, expected_version)})
        return False

    def _passed_through(self, head: Document, version: int) -> bool:
        """Did the document's history go through ``version`` (and so apply its move)?"""
        if int(head[VERSION]) <= version:
            return False
        if head.get(FROM) == version:  # the move out of it is the last one applied
            return True
        at = int(head.get(BORN, 0))  # else walk the history: rare, and by _id only
        while at < version:
            move = self._moves.find_one({"_id": move_id(head["_id"], at)}, {"fields.version": 1})
            if move is None:
                return False
            at = int(move["fields"][VERSION])
        return at == version

    def catch_up(self, doc_id: Any) -> None:
        """Apply the document's committed moves that it does not reflect yet."""
        head = self._docs.find_one({"_id": doc_id}, {VERSION: True})
        if head is None:
            return
        version = int(head[VERSION])
        waited = 0.0
        while True:
            move = self._moves.find_one({"_id": move_id(doc_id, version)})
            if move is None:
                return
            if waited < _WRITER_GRACE_S:  # its writer is probably applying it right now
                time.sleep(_LOOK_EVERY_S)
                waited += _LOOK_EVERY_S
                head = self._docs.find_one({"_id": doc_id}, {VERSION: True})
                assert head is not None  # documents are never deleted
                version = int(head[VERSION])
                continue
            following = int(move["fields"][VERSION])
            if following <= version:
                raise RuntimeError(f"move {move['_id']!r} does not advance the version")
            self._docs.update_one(
                {"_id": doc_id, VERSION: version}, {"$set": {**move["fields"], FROM: version}}
            )
            version = following
