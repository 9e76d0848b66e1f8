"""Real referentials: ROME 4.0, geography, Code du travail, public-service fiches.

``from tremplin.referentials import rome, geo, law, fiches``; fetched and installed by
``tremplin data fetch`` (:mod:`tremplin.referentials.fetch`). See docs/referentials.md.
"""
