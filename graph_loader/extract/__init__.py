"""Rule-based extraction of document facts from normalized text."""
