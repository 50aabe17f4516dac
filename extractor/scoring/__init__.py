"""Scoring of predictions against gold documents."""
