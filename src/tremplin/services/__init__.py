"""AI services, one folder each: model.py, rules.py, service.py, card.py.

A service never imports another service's internals: what others need is exposed in the
service package's ``__init__`` (occupation coding's ``code_occupation`` for instance).
"""

# Every service's card module (each defines ``CARD``): the register, model cards and
# technical documentation are generated from these, nothing hand-copied.
SERVICE_NAMES = ["rome_coding", "legality", "cv_analysis", "search", "matching"]
