"""Ways to run the annotator beyond one machine's processes (`extractor annotate --engine ...`).

    local   worker processes on this machine (extractor.runner; the default)
    ray     Ray Data on a local instance or a cluster (extractor.engines.ray_engine; the `ray` extra)
"""
