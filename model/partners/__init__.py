"""Partners (合作伙伴101): partners and outlets, the 101 checklist, evidence."""
