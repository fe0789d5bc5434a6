"""Compare-and-set that is atomic on MongoDB *and* on FerretDB 1.24.

Why not ``find_one_and_update({_id, status: expected}, {$set: …})``: on MongoDB that is
atomic, but FerretDB 1.24 (SQLite backend) evaluates the filter in Go and then writes
the whole document back by ``_id`` — two concurrent callers both "win", and concurrent
``$inc`` lose increments (measured: 58 winners for 50 documents, 76 of 200 increments
kept). The one write FerretDB makes atomic is an insert under a unique index (SQLite
enforces it), so that is the commit point here, on both servers:

1. Read the document and its revision ``_rev`` (how many moves it has taken). If its
   state does not match what the caller expects, the answer is no.
2. Insert a *move* ``{doc_id, rev: _rev, fields: <new state>, pending: true}`` under the
   unique index (doc_id, rev). Exactly one caller can insert the move out of a given
   revision; that insert is the commit. A caller that finds the revision taken brings
   the document up to date and starts again from 1.
3. Apply every move not yet reflected in the document, in revision order, each as
   ``update_one({_id, _rev: rev}, {$set: fields, _rev: rev + 1})``, and loop until the
   document's revision is past the last move. Applying is idempotent, so the winner, a
   loser and the startup/sweep ``settle()`` may all do it; on FerretDB a slow applier can
   briefly write an older state back, which its own re-check (or the next one) repairs.
4. Clear the move's ``pending`` flag. A crash between 2 and 4 leaves the flag, and
   ``settle()`` finishes the job.

Moves are kept: they are the history of each document, and counting the orders a user
has confirmed is counting that user's confirming moves (see ``orders``), exact by
construction. Readers see a committed move once it has been applied (step 3), which the
committing caller does before it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pymongo.collection import Collection
from pymongo.errors import PyMongoError

from adapters.mongo.schema import Document, is_duplicate_key

REV = "_rev"  # on each document: how many moves it reflects


class Moves:
    """The documents of one collection, changed by compare-and-set through its moves."""

    def __init__(self, docs: Collection[Document], moves: Collection[Document]) -> None:
        self._docs = docs
        self._moves = moves

    def compare_and_set(
        self,
        doc_id: Any,
        matches: Callable[[Document], bool],
        fields: Document,
        note: Document | None = None,
    ) -> bool:
        """Set ``fields`` on the document if ``matches(current document)``; ``note`` is
        stored on the move (for queries over the history)."""
        while True:
            current = self._docs.find_one({"_id": doc_id})
            if current is None:
                return False
            rev = current.get(REV, 0)
            if not matches(current):
                if self._last_rev(doc_id) >= rev:  # a committed move is not applied yet
                    self.catch_up(doc_id)
                    continue
                return False
            move = {"doc_id": doc_id, "rev": rev, "fields": fields, "pending": True, **(note or {})}
            try:
                self._moves.insert_one(move)
            except PyMongoError as error:
                if not is_duplicate_key(error):
                    raise
                self.catch_up(doc_id)  # someone else moved it from this revision
                continue
            self.catch_up(doc_id)
            self._moves.update_one({"_id": move["_id"]}, {"$unset": {"pending": ""}})
            return True

    def _last_rev(self, doc_id: Any) -> int:
        last = self._moves.find_one({"doc_id": doc_id}, {"rev": True}, sort=[("rev", -1)])
        return -1 if last is None else int(last["rev"])

    def catch_up(self, doc_id: Any) -> None:
        """Apply the document's committed moves that it does not reflect yet."""
        while True:
            current = self._docs.find_one({"_id": doc_id}, {REV: True})
            if current is None:
                return
            rev = current.get(REV, 0)
            behind = list(self._moves.find({"doc_id": doc_id, "rev": {"$gte": rev}}).sort("rev", 1))
            if not behind:
                return
            for move in behind:
                self._docs.update_one(
                    {"_id": doc_id, REV: move["rev"]},
                    {"$set": {**move["fields"], REV: move["rev"] + 1}},
                )

    def settle(self) -> int:
        """Finish every move a crash left pending; returns how many there were."""
        settled = 0
        for move in self._moves.find({"pending": True}, {"doc_id": True}):
            self.catch_up(move["doc_id"])
            self._moves.update_one({"_id": move["_id"]}, {"$unset": {"pending": ""}})
            settled += 1
        return settled
