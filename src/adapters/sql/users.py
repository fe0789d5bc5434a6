"""Users and their password hashes (one row each). ``total_orders`` is not stored: it is
the count of the user's orders that were ever confirmed, read with the user."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from adapters.sql.database import Database
from adapters.sql.tables import orders, users
from food_core.errors import EmailTaken, PhoneTaken
from food_core.model import User, UserRole

_CONFIRMED_ORDERS = (
    sa.select(sa.func.count())
    .where(orders.c.user_id == users.c.user_id, orders.c.confirmed_at.is_not(None))
    .scalar_subquery()
    .label("total_orders")
)
_USER_COLUMNS = [*(c for c in users.c if c.name != "password_hash"), _CONFIRMED_ORDERS]


def _user(m: sa.RowMapping) -> User:
    return User(
        user_id=m["user_id"],
        user_name=m["user_name"],
        email=m["email"],
        phone=m["phone"],
        created_at=m["created_at"],
        total_orders=m["total_orders"],
        role=UserRole(m["role"]),
        restaurant_id=m["restaurant_id"],
    )


class SqlUsers:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, user: User, password_hash: str) -> None:
        try:
            with self._db.writing() as c:
                c.execute(
                    sa.insert(users).values(
                        user_id=user.user_id,
                        user_name=user.user_name,
                        email=user.email,
                        phone=user.phone,
                        created_at=user.created_at,
                        role=user.role.value,
                        restaurant_id=user.restaurant_id,
                        password_hash=password_hash,
                    )
                )
        except IntegrityError:
            self._raise_taken(user)
            raise

    def _raise_taken(self, user: User) -> None:
        """Name the field that clashed. The insert itself was the check (no race); this
        only asks which unique key refused it, email first as the reference does."""
        with self._db.reading() as c:
            taken = c.execute(
                sa.select(users.c.email, users.c.phone).where(
                    sa.or_(users.c.email == user.email, users.c.phone == user.phone)
                )
            ).all()
        if any(row.email == user.email for row in taken):
            raise EmailTaken("an account with this email already exists", field="email") from None
        if any(row.phone == user.phone for row in taken):
            raise PhoneTaken("an account with this phone already exists", field="phone") from None

    def get(self, user_id: int) -> User | None:
        with self._db.reading() as c:
            row = (
                c.execute(sa.select(*_USER_COLUMNS).where(users.c.user_id == user_id))
                .mappings()
                .first()
            )
        return None if row is None else _user(row)

    def get_by_email(self, email: str) -> User | None:
        with self._db.reading() as c:
            row = (
                c.execute(sa.select(*_USER_COLUMNS).where(users.c.email == email))
                .mappings()
                .first()
            )
        return None if row is None else _user(row)

    def password_hash(self, user_id: int) -> str | None:
        with self._db.reading() as c:
            value: str | None = c.execute(
                sa.select(users.c.password_hash).where(users.c.user_id == user_id)
            ).scalar()
        return value

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        with self._db.writing() as c:
            c.execute(
                sa.update(users)
                .where(users.c.user_id == user_id)
                .values(password_hash=password_hash)
            )
