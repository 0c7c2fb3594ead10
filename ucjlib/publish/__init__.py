"""Reports on disk: pages from templates, kernels that run the report notebook, the site, the manifest."""
