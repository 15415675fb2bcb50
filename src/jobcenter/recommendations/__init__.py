"""Recommendations in the portal: adapt models to the matching engine, show its lists, log them, take feedback.

The engine (:mod:`jobcenter.matching.recommend`) is pure Python; this app builds its inputs from the database
(:mod:`.adapters`), keeps one fitted engine per process (:mod:`.engine`), and writes every list shown to a
person to ``audit.RecommendationLog`` (:mod:`.services`).
"""
