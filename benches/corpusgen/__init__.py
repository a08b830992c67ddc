"""Synthetic news corpora of any size from public text: see benches/make_corpus.py."""
