"""HTTP API: FastAPI app factory and one thin router per area."""
