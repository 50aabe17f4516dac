"""The HTTP API and web page of the extractor.

    uvicorn service.main:app                 # or: extractor serve / python -m service
    from service.main import create_app      # an app for tests or embedding

Nothing is imported here: `service.main` builds its module-level app from the environment on import.
"""
