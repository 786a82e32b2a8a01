"""smm_calc – how far a message travels by word of mouth (Mundpropaganda) and social media.

The package knows nothing of MkDocs; the site's build hook and the CLI both call it.
"""

__version__ = "0.1.0"
