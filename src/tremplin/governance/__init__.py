"""Governance: journal, explanations, register and cards, fairness, footprint, assessment, oversight."""
