"""Benefits: the employment-insurance and support-program calculators over :mod:`jobcenter.rules`.

A thin Django layer: forms and an API that turn input into the engine's dataclasses, pages and a CLI that show
its steps and citations, and a selector that pre-fills what the portal already knows about a seeker. Nothing
is stored.
"""
