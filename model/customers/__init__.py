"""The customer record and the customer book:
contacts, filters and views, search, import, export, care, complaints, surveys, lifecycle."""
