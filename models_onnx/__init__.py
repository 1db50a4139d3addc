"""Model bundles: loading, verification, inference, explanations, OOD, conformal sets."""
