"""Evaluation of the legality service on real offers and on variants with one injected violation.

Protocol (also in docs/quality.md, section « Offer legality »):

1. Real offers are read from a JSONL file (default: the data mirror's ``offers/offers_dev.jsonl``);
   they are never copied into the repository. Each offer goes to the *tune* or the *held-out*
   pool by a hash of its id.
2. A sample of each pool was read and labelled by hand; the labels are data keyed by offer id in
   ``real_labels.json`` (categories of real problems, with a note), not the offers themselves.
3. Variants: each template of ``templates_tune.json`` (wordings used while developing the
   detectors) and ``templates_heldout.json`` (wordings written before the detectors and not
   looked at while tuning) is injected into labelled base offers of the matching pool, at
   varied positions (title, start, middle or end of the description, a structured field),
   one violation per variant. Negative templates inject lawful look-alikes.
4. Metrics per category: recall over injected violations and real labels; precision over
   every (document, category) predicted, where a prediction is correct if the category was
   injected or labelled, neutral if it was labelled on the base offer or declared as an
   acceptable co-detection (``also``), wrong otherwise. The share of real, unmodified offers
   blocked and reviewed is computed on every offer of the file.
"""
