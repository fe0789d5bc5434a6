"""food_core: the domain of a food ordering system, free of I/O.

The model (``food_core.model``), its errors (``food_core.errors``), the ports adapters
implement (``food_core.ports``) and the use cases of the whole customer flow
(``food_core.usecases``). It imports the standard library and attrs only.
"""

__version__ = "0.1.0"
