"""The model written for readers in one language: words, tables, charts and maps."""
