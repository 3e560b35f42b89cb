"""Key accounts (KA): the record, dossier, volume rewards, store checks and imports."""
