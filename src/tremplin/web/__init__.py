"""The console for counsellors and the public transparency site (server-rendered, French)."""
