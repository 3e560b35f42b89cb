"""Who is due and the visit plan: due list, planner, routing, calendar, tracking logs, the day's sheets, targets."""
