"""The Today and Visits areas: due list, plans, routes, printouts, the day's sheets."""
