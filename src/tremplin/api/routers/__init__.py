"""One thin router per area: parse input, call a service, return its result."""
