"""The Customers area: list, filters, editor, contacts, import, export, managers, complaints, surveys."""
