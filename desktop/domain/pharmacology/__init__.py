"""Drug-related rules: classes, MEDD, renal function and dosing, pharmacogenomics, QTc."""
