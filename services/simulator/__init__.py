"""food-sim: many simulated customers through the whole ordering flow, then an audit.

Memory mode drives the core's use cases on the in-memory adapters
(:func:`services.simulator.world.simulate_memory`); live mode drives a running stack over
HTTP (:func:`services.simulator.live.run_live`). ``food-sim --help`` and
docs/simulator.md say how to use it. Nothing is imported here: importing the package
stays cheap, and the CLI loads only the mode it runs.
"""
