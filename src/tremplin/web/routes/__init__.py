"""Console pages, one module per area. Routes stay thin: read the form, call a service, render."""
