"""PainBridge desktop application: clinic workflow and hub review.

Decision support, not a diagnosis. Bundled models are trained on a synthetic cohort
and are not for clinical use until a hub validates them on real data.
"""

__version__ = "0.1.0"
